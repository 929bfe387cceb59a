import { describe, expect, it } from "vitest";
import { redirect } from "next/navigation";
import { z } from "zod";
import { runAction, type ActionDefinition, type ActionPermission } from "@/lib/actions/action";
import { emailField, requiredText } from "@/lib/actions/fields";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import ko from "@/messages/ko.json";
import en from "@/messages/en.json";

const trainee: CurrentUser = {
  id: "u-trainee",
  email: "trainee@example.com",
  name: "Trainee",
  role: "TRAINEE",
  locale: "ko",
  organizationId: null,
};
const admin: CurrentUser = { ...trainee, id: "u-admin", role: "ADMIN" };

const schema = z.object({
  name: requiredText(5),
  email: emailField(),
  password: z.string().optional(),
});

function definition<P extends ActionPermission>(
  permission: P,
  handler: ActionDefinition<P, typeof schema>["handler"] = async () => ({
    message: "users.list.roleChanged",
  }),
): ActionDefinition<P, typeof schema> {
  return { name: "test", permission, schema, handler };
}

function form(entries: Record<string, string>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
}

describe("runAction", () => {
  it("refuses an anonymous caller of a protected action before running anything", async () => {
    let ran = false;
    const result = await runAction(
      null,
      definition("user:manage", async () => {
        ran = true;
      }),
      form({ name: "A", email: "a@example.com" }),
      { locale: "en" },
    );
    expect(result).toMatchObject({
      ok: false,
      errorCode: "UNAUTHENTICATED",
      formError: en.errors.UNAUTHENTICATED,
    });
    expect(ran).toBe(false);
  });

  it("refuses a signed-in user without the permission", async () => {
    let ran = false;
    const result = await runAction(
      trainee,
      definition("user:manage", async () => {
        ran = true;
      }),
      form({ name: "A", email: "a@example.com" }),
      { locale: "ko" },
    );
    expect(result).toMatchObject({
      ok: false,
      errorCode: "FORBIDDEN",
      formError: ko.errors.FORBIDDEN,
    });
    expect(ran).toBe(false);
  });

  it("lets anyone call a public action", async () => {
    const result = await runAction(
      null,
      definition("public"),
      form({ name: "A", email: "a@example.com" }),
    );
    expect(result.ok).toBe(true);
  });

  it("turns zod issues into translated field errors and never runs the handler", async () => {
    let ran = false;
    const def = definition("user:manage", async () => {
      ran = true;
    });
    const input = form({ name: "", email: "nope", password: "hunter2hunter2" });
    const koResult = await runAction(admin, def, input, { locale: "ko" });
    expect(koResult.ok).toBe(false);
    expect(koResult.errorCode).toBe("VALIDATION");
    expect(koResult.fieldErrors).toEqual({
      name: [ko.validation.required],
      email: [ko.validation.email],
    });
    expect(koResult.formError).toBe(ko.errors.VALIDATION);
    const enResult = await runAction(admin, def, input, { locale: "en" });
    expect(enResult.fieldErrors?.email).toEqual([en.validation.email]);
    expect(ran).toBe(false);
  });

  it("fills ICU parameters from the failed check", async () => {
    const result = await runAction(
      admin,
      definition("user:manage"),
      form({ name: "toolong", email: "a@b.co" }),
      {
        locale: "en",
      },
    );
    expect(result.fieldErrors?.name).toEqual(["Enter no more than 5 characters."]);
  });

  it("echoes what was typed, except secrets and framework fields", async () => {
    const result = await runAction(
      admin,
      definition("user:manage"),
      form({ name: "", email: "a@example.com", password: "s3cret-s3cret", $ACTION_ID_abc: "" }),
    );
    expect(result.values).toEqual({ name: "", email: "a@example.com" });
  });

  it("maps a domain error to its translated message and a field error to its field", async () => {
    const conflict = await runAction(
      admin,
      definition("user:manage", async () => {
        throw new ConflictError("CANNOT_DEACTIVATE_SELF");
      }),
      form({ name: "A", email: "a@example.com" }),
      { locale: "en" },
    );
    expect(conflict).toMatchObject({
      ok: false,
      errorCode: "CANNOT_DEACTIVATE_SELF",
      formError: en.errors.CANNOT_DEACTIVATE_SELF,
      values: { name: "A", email: "a@example.com" },
    });

    const field = await runAction(
      admin,
      definition("user:manage", async () => {
        throw new ValidationError("EMAIL_TAKEN", "email");
      }),
      form({ name: "A", email: "a@example.com" }),
      { locale: "ko" },
    );
    expect(field.fieldErrors).toEqual({ email: [ko.errors.EMAIL_TAKEN] });
  });

  it("hides unexpected errors behind a generic message", async () => {
    const result = await runAction(
      admin,
      definition("user:manage", async () => {
        throw new Error('relation "users" does not exist at character 15');
      }),
      form({ name: "A", email: "a@example.com" }),
      { locale: "en" },
    );
    expect(result).toMatchObject({
      ok: false,
      errorCode: "UNEXPECTED",
      formError: en.errors.UNEXPECTED,
    });
    expect(JSON.stringify(result)).not.toContain("relation");
  });

  it("lets redirect() thrown by a handler reach Next.js", async () => {
    const def = definition("user:manage", async () => redirect("/ko/somewhere"));
    await expect(
      runAction(admin, def, form({ name: "A", email: "a@example.com" })),
    ).rejects.toMatchObject({
      digest: expect.stringContaining("NEXT_REDIRECT"),
    });
  });

  it("translates the success message and can empty the form", async () => {
    const result = await runAction(
      admin,
      definition("user:manage", async () => ({
        message: "users.invite.sent",
        messageParams: { email: "x@y.z" },
        resetForm: true,
      })),
      { name: "A", email: "a@example.com" },
      { locale: "en" },
    );
    expect(result).toEqual({
      ok: true,
      message: "An invitation has been sent to x@y.z.",
      values: {},
    });
  });
});
