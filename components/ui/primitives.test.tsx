// @vitest-environment happy-dom
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import ko from "@/messages/ko.json";
import { Alert, ActionResultAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { Table } from "@/components/ui/table";

/** Renders to HTML and parses it, so assertions read attributes rather than match strings. */
function render(node: ReactNode): Document {
  const html = renderToStaticMarkup(
    <NextIntlClientProvider locale="ko" messages={ko} timeZone="Asia/Seoul">
      {node}
    </NextIntlClientProvider>,
  );
  return new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
}

describe("FormField", () => {
  it("labels the control and links its description", () => {
    const doc = render(
      <FormField id="email" label="이메일" description="회사 이메일" required>
        <Input name="email" required />
      </FormField>,
    );
    const input = doc.querySelector("input")!;
    expect(input.id).toBe("email");
    expect(doc.querySelector("label")!.getAttribute("for")).toBe("email");
    expect(input.getAttribute("aria-describedby")).toBe("email-description");
    expect(input.hasAttribute("aria-invalid")).toBe(false);
    // The live region exists (empty) before any error, so a later error is announced.
    expect(doc.getElementById("email-error")!.getAttribute("aria-live")).toBe("polite");
    expect(doc.getElementById("email-error")!.textContent).toBe("");
  });

  it("marks the control invalid and lists the errors in the live region", () => {
    const doc = render(
      <FormField
        id="email"
        label="이메일"
        errors={["이메일 형식이 아닙니다.", "이미 사용 중입니다."]}
      >
        <Input name="email" />
      </FormField>,
    );
    const input = doc.querySelector("input")!;
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe("email-error");
    const items = [...doc.querySelectorAll("#email-error li")].map((li) => li.textContent);
    expect(items).toEqual(["이메일 형식이 아닙니다.", "이미 사용 중입니다."]);
  });

  it("generates an id when none is given", () => {
    const doc = render(
      <FormField label="이름">
        <Input name="name" />
      </FormField>,
    );
    const input = doc.querySelector("input")!;
    expect(input.id).not.toBe("");
    expect(doc.querySelector("label")!.getAttribute("for")).toBe(input.id);
  });
});

describe("Button", () => {
  it("does not submit forms unless asked to", () => {
    expect(
      render(<Button>저장</Button>)
        .querySelector("button")!
        .getAttribute("type"),
    ).toBe("button");
    expect(
      render(<Button type="submit">저장</Button>)
        .querySelector("button")!
        .getAttribute("type"),
    ).toBe("submit");
  });

  it("styles its child instead with asChild", () => {
    const doc = render(
      <Button asChild variant="outline">
        <a href="#courses">과정</a>
      </Button>,
    );
    expect(doc.querySelector("button")).toBeNull();
    const link = doc.querySelector("a")!;
    expect(link.getAttribute("href")).toBe("#courses");
    expect(link.className).toContain("border-input");
  });
});

describe("SubmitButton", () => {
  it("is an idle submit button outside a pending submission", () => {
    const button = render(<SubmitButton pendingLabel="저장 중…">저장</SubmitButton>).querySelector(
      "button",
    )!;
    expect(button.getAttribute("type")).toBe("submit");
    expect(button.hasAttribute("aria-busy")).toBe(false);
    expect(button.textContent).toBe("저장");
  });
});

describe("Alert", () => {
  it("interrupts for errors and speaks politely otherwise", () => {
    expect(
      render(<Alert variant="error">실패</Alert>)
        .querySelector("[role]")!
        .getAttribute("role"),
    ).toBe("alert");
    expect(
      render(<Alert variant="success">완료</Alert>)
        .querySelector("[role]")!
        .getAttribute("role"),
    ).toBe("status");
  });

  it("shows an action's form error or success message", () => {
    expect(
      render(<ActionResultAlert state={{ ok: false, formError: "오류" }} />).body.textContent,
    ).toBe("오류");
    expect(
      render(<ActionResultAlert state={{ ok: true, message: "저장했습니다." }} />).body.textContent,
    ).toBe("저장했습니다.");
    expect(render(<ActionResultAlert state={{ ok: true }} />).body.innerHTML).toBe("");
  });
});

describe("ConfirmDialog", () => {
  it("renders a closed, labelled modal whose confirm button submits the enclosing form", () => {
    const doc = render(
      <form>
        <ConfirmDialog
          trigger="수강 취소"
          title="수강을 취소할까요?"
          description="되돌릴 수 없습니다."
        />
      </form>,
    );
    const dialog = doc.querySelector("dialog")!;
    expect(dialog.hasAttribute("open")).toBe(false);
    expect(doc.getElementById(dialog.getAttribute("aria-labelledby")!)!.textContent).toBe(
      "수강을 취소할까요?",
    );
    expect(doc.getElementById(dialog.getAttribute("aria-describedby")!)!.textContent).toBe(
      "되돌릴 수 없습니다.",
    );
    const [trigger] = doc.querySelectorAll("form > button");
    expect(trigger!.getAttribute("type")).toBe("button");
    expect(trigger!.getAttribute("aria-haspopup")).toBe("dialog");
    const buttons = [...dialog.querySelectorAll("button")].map((b) => [
      b.textContent,
      b.getAttribute("type"),
    ]);
    expect(buttons).toEqual([
      ["취소", "button"],
      ["확인", "submit"],
    ]);
  });
});

describe("Table", () => {
  it("names its scrollable region after the table's label", () => {
    const doc = render(
      <Table aria-label="수강생">
        <tbody />
      </Table>,
    );
    const region = doc.querySelector("[role=region]")!;
    expect(region.getAttribute("aria-label")).toBe("수강생");
    expect(region.getAttribute("tabindex")).toBe("0");
  });
});
