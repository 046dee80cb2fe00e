import { readFileSync } from 'node:fs';

/**
 * This process's RSS high-water mark as the kernel keeps it (Linux `VmHWM`), which catches a peak
 * between two samples. Not `resourceUsage().maxRSS`: Linux carries that across exec, so in a spawned
 * child it starts at its parent's RSS at the time of the spawn (the bench process's, not the child's).
 * 0 where /proc is not there.
 */
export function rssHighWater(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
