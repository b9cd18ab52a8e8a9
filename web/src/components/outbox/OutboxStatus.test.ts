import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from './outbox.ts';
import { OutboxStatusView } from './OutboxStatus.tsx';

const failed = { id: 'w1', coalesceKey: '12|202603|5|1', state: 'failed', error: 'Kỳ báo cáo đã khóa.' } as OutboxEntry;
const render = (props: Partial<Parameters<typeof OutboxStatusView>[0]>) =>
  renderToStaticMarkup(
    createElement(OutboxStatusView, { queued: 0, sending: false, sent: 0, failedEntries: [], onRetry: () => {}, onDiscard: () => {}, ...props }),
  );
/** The text a person reads, tags removed. */
const text = (html: string) => html.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|');

describe('OutboxStatus', () => {
  it('says where the data stands, in a status region', () => {
    expect(render({})).toBe('<div class="outbox-status"><p role="status"></p></div>');
    expect(text(render({ queued: 3 }))).toBe('|Đã lưu trên máy, chờ gửi: 3|');
    expect(text(render({ queued: 3, sending: true }))).toBe('|Đang gửi…|');
    expect(text(render({ sent: 4 }))).toBe('|Đã gửi lên máy chủ|');
  });

  it('lists refused writes with the server message, a retry and a discard', () => {
    const html = render({ sent: 1, failedEntries: [failed], describe: () => 'Số hộ, tháng 3' });
    expect(text(html)).toBe(
      '|Đã gửi lên máy chủ|Không gửi được: 1|Số hộ, tháng 3: |Kỳ báo cáo đã khóa.|Gửi lại|Bỏ thay đổi|',
    );
    expect(html).toContain('<ul class="outbox-failed-list" aria-label="Các thay đổi máy chủ không nhận">');
  });
});
