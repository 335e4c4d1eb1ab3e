import { describe, expect, it } from "vitest";
import { FailureLimiter } from "@/lib/auth/rateLimit";
import { SignUpInput } from "@/lib/auth/schema";
import { TooManyRequests } from "@/lib/errors";

describe("FailureLimiter", () => {
  it("allows five failures and refuses the sixth attempt with a retry time", async () => {
    const limiter = new FailureLimiter(5, 60);
    for (let i = 0; i < 5; i++) {
      await limiter.check(["email:a"]);
      await limiter.fail(["email:a"]);
    }
    const error = await limiter.check(["email:a"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooManyRequests);
    expect((error as TooManyRequests).retryAfterSeconds).toBeGreaterThan(0);
    expect((error as TooManyRequests).retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it("counts keys separately and forgets a key on reset", async () => {
    const limiter = new FailureLimiter(2, 60);
    await limiter.fail(["email:a", "ip:1"]);
    await limiter.fail(["email:a", "ip:1"]);
    await expect(limiter.check(["email:b"])).resolves.toBeUndefined();
    await expect(limiter.check(["email:b", "ip:1"])).rejects.toBeInstanceOf(TooManyRequests);
    await limiter.reset("email:a");
    await expect(limiter.check(["email:a"])).resolves.toBeUndefined();
  });
});

describe("SignUpInput", () => {
  it("normalises the email and names each bad field", () => {
    expect(SignUpInput.parse({ name: " Ada ", email: " Ada@Example.COM ", password: "longenough" })).toMatchObject({ name: "Ada", email: "ada@example.com" });
    const result = SignUpInput.safeParse({ name: "", email: "nope", password: "short" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "email", "password"]));
  });
});
