// @vitest-environment happy-dom
import { NextIntlClientProvider } from "next-intl";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import ko from "@/messages/ko.json";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

// React only batches act() updates when told it runs in a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = "";
});

function mount(onConfirm?: () => void) {
  const container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root!.render(
      <NextIntlClientProvider locale="ko" messages={ko} timeZone="Asia/Seoul">
        <ConfirmDialog
          trigger="삭제"
          title="삭제할까요?"
          confirmLabel="삭제하기"
          onConfirm={onConfirm}
        />
      </NextIntlClientProvider>,
    ),
  );
  const [trigger] = container.querySelectorAll("button");
  const dialog = container.querySelector("dialog")!;
  const button = (name: string) =>
    [...dialog.querySelectorAll("button")].find((b) => b.textContent === name)!;
  return { trigger: trigger!, dialog, button };
}

describe("ConfirmDialog (interactive)", () => {
  it("opens as a modal and closes on cancel, returning focus to the trigger", () => {
    const { trigger, dialog, button } = mount();
    act(() => trigger.click());
    expect(dialog.open).toBe(true);
    act(() => button("취소").click());
    expect(dialog.open).toBe(false);
    expect(document.activeElement).toBe(trigger);
  });

  it("calls onConfirm once and closes", () => {
    const onConfirm = vi.fn();
    const { trigger, dialog, button } = mount(onConfirm);
    act(() => trigger.click());
    act(() => button("삭제하기").click());
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(dialog.open).toBe(false);
  });
});
