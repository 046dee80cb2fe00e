import { readFileSync } from 'node:fs';

/**
 * This process's RSS high-water mark as the kernel keeps it (Linux `VmHWM`), which catches a peak
 * between two samples. Not `resourceUsage().maxRSS`: Linux carries that across exec, so in a spawned
 * child it starts at its parent's RSS at the time of the spawn (the bench process's, not the child's).
 * 0 where /proc is not there.
 */
export function rssHighWater(): number {
  return processMemory('self', 'VmHWM');
}

/** A process's resident memory now (`VmRSS`) or its high-water mark (`VmHWM`), in bytes; 0 where /proc is not there. */
export function processMemory(pid: number | 'self', field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
