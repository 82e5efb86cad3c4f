// A case's clocks: when its response is due (from the route's policy) and where it stands now.
import { isoDateInZone, startOfCalendarDay } from '../wording/dates';
import type { CaseRoute, CaseStatus, StandardsConfig } from './config';

const DAY = 86_400_000;

/**
 * The response-due instant: received plus the route's days, as calendar days in the newsroom's
 * zone (the same time of day on the day N days later), so a clock change between does not move it
 * by an hour.
 */
export function responseDue(receivedAt: Date, route: CaseRoute, config: Pick<StandardsConfig, 'responseDays'>, timeZone: string): Date {
  const day = isoDateInZone(receivedAt, timeZone);
  const sinceMidnight = receivedAt.getTime() - startOfCalendarDay(day, timeZone).getTime();
  const dueDay = new Date(Date.parse(`${day}T12:00:00Z`) + config.responseDays[route] * DAY).toISOString().slice(0, 10);
  return new Date(startOfCalendarDay(dueDay, timeZone).getTime() + sinceMidnight);
}

export type ClockState = 'closed' | 'overdue' | 'due_soon' | 'on_time';

export const CLOCK_LABELS: Record<ClockState, string> = { closed: 'Closed', overdue: 'Overdue', due_soon: 'Due soon', on_time: 'On time' };

/** Overdue once `now` passes the due instant; due soon within `dueSoonDays` of it. */
export function clockState(c: { status: CaseStatus; dueAt: Date }, now: Date, config: Pick<StandardsConfig, 'dueSoonDays'>): ClockState {
  if (c.status !== 'open') return 'closed';
  const left = c.dueAt.getTime() - now.getTime();
  if (left < 0) return 'overdue';
  if (left <= config.dueSoonDays * DAY) return 'due_soon';
  return 'on_time';
}

/** "overdue by 3 days", "due in 2 days", "due in 5 h": how the desk says it. */
export function clockPhrase(c: { status: CaseStatus; dueAt: Date }, now: Date): string {
  const left = c.dueAt.getTime() - now.getTime();
  const span = formatDuration(Math.abs(left), { coarse: true });
  return left < 0 ? `overdue by ${span}` : `due in ${span}`;
}

/**
 * A duration as the desk reads it: "14 h 12 min", "3 days 2 h", "45 min", "under a minute".
 * Coarse: whole days once it is a day or more ("3 days"), hours below that.
 */
export function formatDuration(ms: number, { coarse = false }: { coarse?: boolean } = {}): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const d = days === 1 ? '1 day' : `${days} days`;
  if (days > 0) return coarse || hours === 0 ? d : `${d} ${hours} h`;
  if (hours > 0) return coarse || mins === 0 ? `${hours} h` : `${hours} h ${mins} min`;
  return `${mins} min`;
}
