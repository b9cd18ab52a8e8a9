import { useEffect, useState } from 'react';
import { t } from '../../i18n/i18n.ts';

/** "8 giây", "2 phút 8 giây". */
const waitText = (seconds: number) =>
  seconds < 60 ? t('auth.waitSeconds', { seconds }) : t('auth.waitMinutes', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 });

/**
 * After too many failed sign-ins the server refuses attempts from this browser for a while: say how long, count
 * down, and tell the form when it may send again.
 */
export function LoginWait({ seconds, onDone }: { seconds: number; onDone: () => void }) {
  const [left, setLeft] = useState(seconds);
  useEffect(() => {
    const started = Date.now();
    const timer = setInterval(() => {
      const remaining = Math.max(0, seconds - Math.floor((Date.now() - started) / 1000));
      setLeft(remaining);
      if (remaining === 0) {
        clearInterval(timer);
        onDone();
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [seconds, onDone]);
  return (
    <div className="alert" role="alert">
      <p>{t('auth.throttled', { time: waitText(left) })}</p>
    </div>
  );
}
