// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { ActionForm } from "@/components/forms/action-form";
import { EmailField, FixedEmailField } from "@/components/forms/email-field";
import { LocaleSelectField } from "@/components/forms/locale-select-field";
import { NameField, OrganizationNameField } from "@/components/forms/name-field";
import { PasswordField } from "@/components/forms/password-field";
import { renderPage } from "@/components/site/test-render";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/users.schemas";

/** The control a <label> points at: how assistive technology (and the e2e tests) find fields. */
function controlLabelled(doc: Document, text: string) {
  const label = [...doc.querySelectorAll("label")].find((l) => l.textContent?.startsWith(text));
  expect(label, text).toBeDefined();
  return doc.getElementById(label!.getAttribute("for")!)!;
}

describe("shared account form fields", () => {
  const doc = renderPage(
    <ActionForm
      action={async (state) => state}
      initialState={{
        ok: false,
        formError: "다시 시도하세요.",
        fieldErrors: { email: ["형식 오류"] },
      }}
      messages="auth.signUp"
      submitClassName="w-full"
    >
      {(state) => (
        <>
          <NameField label="이름" defaultValue="김민지" />
          <EmailField
            label="이메일"
            description="안내"
            errors={state.fieldErrors?.email}
            defaultValue="a@b.kr"
          />
          <PasswordField label="비밀번호" hint={(min) => `${min}자 이상`} />
          <PasswordField label="현재 비밀번호" purpose="current" hint={(min) => `${min}자`} />
          <FixedEmailField label="초대 주소" value="c@d.kr" autoComplete="username" />
          <LocaleSelectField label="선호 언어" defaultValue="en" />
          <OrganizationNameField label="소속 기관" defaultValue="바이오텍" readOnly />
        </>
      )}
    </ActionForm>,
  );

  it("shows the form error first and ends with the submit button, labelled from the namespace", () => {
    const form = doc.querySelector("form")!;
    expect(form.hasAttribute("novalidate")).toBe(true);
    expect(form.firstElementChild?.textContent).toContain("다시 시도하세요.");
    const submit = form.lastElementChild as HTMLButtonElement;
    expect(submit.getAttribute("type")).toBe("submit");
    expect(submit.textContent).toBe("계정 만들기");
  });

  it("names and labels each submitted control", () => {
    expect(controlLabelled(doc, "이름").getAttribute("name")).toBe("name");
    const email = controlLabelled(doc, "이메일");
    expect(email.getAttribute("name")).toBe("email");
    expect(email.getAttribute("type")).toBe("email");
    expect(email.hasAttribute("required")).toBe(true);
    expect(email.getAttribute("aria-invalid")).toBe("true");
    expect(email.getAttribute("aria-describedby")).toContain(`${email.id}-error`);
    expect(controlLabelled(doc, "선호 언어").getAttribute("name")).toBe("locale");
  });

  it("asks a new password to follow the length rule, and not the current one", () => {
    const fresh = controlLabelled(doc, "비밀번호");
    expect(fresh.getAttribute("autocomplete")).toBe("new-password");
    expect(fresh.getAttribute("minlength")).toBe(String(PASSWORD_MIN_LENGTH));
    expect(doc.getElementById(`${fresh.id}-description`)?.textContent).toBe(
      `${PASSWORD_MIN_LENGTH}자 이상`,
    );
    const current = controlLabelled(doc, "현재 비밀번호");
    expect(current.getAttribute("autocomplete")).toBe("current-password");
    expect(current.hasAttribute("minlength")).toBe(false);
    expect(current.hasAttribute("aria-describedby")).toBe(false);
  });

  it("submits a partner's organization name but does not let them edit it", () => {
    const organization = controlLabelled(doc, "소속 기관");
    expect(organization.getAttribute("name")).toBe("organizationName");
    expect(organization.hasAttribute("readonly")).toBe(true);
    expect(organization.hasAttribute("required")).toBe(false);
  });

  it("never submits a fixed address", () => {
    const fixed = controlLabelled(doc, "초대 주소");
    expect(fixed.hasAttribute("name")).toBe(false);
    expect(fixed.hasAttribute("readonly")).toBe(true);
  });

  it("offers each language named in itself, the given one selected", () => {
    const select = controlLabelled(doc, "선호 언어") as HTMLSelectElement;
    const options = [...select.querySelectorAll("option")];
    expect(options.map((o) => o.getAttribute("lang"))).toEqual(["ko", "en"]);
    expect(options.find((o) => o.hasAttribute("selected"))?.value).toBe("en");
  });
});
