import { todayInRome } from "./calendar.ts";

/**
 * The one source of "now" and "today" for the app, the pipeline, the reports and the CLI.
 * Instants recorded in the database are the database's own (`now()` of the transaction); the
 * clock decides the calendar day (Europe/Rome) that facts are judged against and the instant
 * used for lifetimes computed in the process (sessions, machine tokens, audit entries).
 */
export type Clock = {
  now(): Date;
  /** The Italian calendar day, RFC 3339 full-date. */
  today(): string;
};

export const systemClock: Clock = {
  now: () => new Date(),
  today: () => todayInRome(new Date()),
};

/**
 * A clock whose calendar day is `day` whatever the machine's date, with the machine's instants
 * (so that they stay comparable with what the database records): how tests fix their own day.
 */
export function clockOnDay(day: string): Clock {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a full-date: ${day}`);
  return { now: () => new Date(), today: () => day };
}
