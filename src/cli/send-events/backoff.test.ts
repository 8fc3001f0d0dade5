import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  isRetryableStatus,
  maxRetryAfterMs,
  networkErrorCode,
  retryAfterMs,
} from "./backoff.ts";

describe("backoffDelay", () => {
  const policy = { baseDelayMs: 100, maxDelayMs: 1000 };

  it("doubles each retry, with half of the step random, up to the maximum", () => {
    expect(backoffDelay(1, policy, () => 0)).toBe(50);
    expect(backoffDelay(1, policy, () => 1)).toBe(100);
    expect(backoffDelay(3, policy, () => 0)).toBe(200);
    expect(backoffDelay(3, policy, () => 1)).toBe(400);
    expect(backoffDelay(20, policy, () => 1)).toBe(1000);
    expect(backoffDelay(20, policy, () => 0)).toBe(500);
  });
});

describe("retryAfterMs", () => {
  it("reads delta-seconds and HTTP-dates, capped, and ignores what it cannot read", () => {
    expect(retryAfterMs("3")).toBe(3000);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMs("Thu, 01 Jan 2026 00:00:10 GMT", now)).toBe(10_000);
    expect(retryAfterMs("Wed, 31 Dec 2025 23:59:00 GMT", now)).toBe(0);
    expect(retryAfterMs("999999")).toBe(maxRetryAfterMs);
    expect(retryAfterMs(null)).toBeUndefined();
    expect(retryAfterMs("presto")).toBeUndefined();
  });
});

describe("retryable failures", () => {
  it("retries 429, 502, 503 and 504 only", () => {
    expect([429, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 413, 500].some(isRetryableStatus)).toBe(false);
  });

  it("recognises network errors through fetch's cause, and timeouts", () => {
    const refused = new TypeError("fetch failed", {
      cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }),
    });
    expect(networkErrorCode(refused)).toBe("ECONNREFUSED");
    const timeout = new DOMException("timed out", "TimeoutError");
    expect(networkErrorCode(timeout)).toBe("ETIMEDOUT");
    expect(networkErrorCode(new Error("altro"))).toBeUndefined();
    expect(networkErrorCode("ECONNRESET")).toBeUndefined();
  });
});
