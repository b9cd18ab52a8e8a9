import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** A system program the tests need, where Debian puts it, and the package that provides it. */
interface SystemDependency {
  name: string;
  paths: string[];
  debianPackage: string;
}

export const CHROMIUM: SystemDependency = { name: 'Chromium', paths: ['/usr/bin/chromium'], debianPackage: 'chromium' };
export const POSTGRES_15: SystemDependency = {
  name: 'PostgreSQL 15 server',
  paths: ['/usr/local/bin/initdb', '/usr/lib/postgresql/15/bin/initdb'],
  debianPackage: 'postgresql-15',
};

const findBinary = (dep: SystemDependency) => dep.paths.find((path) => existsSync(path));

const isRoot = () => process.getuid?.() === 0;
const hasAptGet = () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;

/**
 * Returns the binary path, installing the Debian package first when it is missing and we are root on Debian;
 * otherwise throws a message saying exactly what to install. Never skips.
 */
export function ensureSystemDependency(dep: SystemDependency): string {
  const found = findBinary(dep);
  if (found) return found;
  if (!isRoot() || !hasAptGet()) {
    throw new Error(`${dep.name} is missing. Install it: sudo apt-get install -y ${dep.debianPackage}`);
  }
  console.log(`[test] installing ${dep.debianPackage} with apt-get…`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', dep.debianPackage], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = findBinary(dep);
  if (!installed) throw new Error(`${dep.debianPackage} installed but ${dep.paths.join(' or ')} not found`);
  return installed;
}
