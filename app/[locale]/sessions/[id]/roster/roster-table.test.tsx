// @vitest-environment happy-dom
import { NextIntlClientProvider } from "next-intl";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import type { RosterCapabilities } from "@/lib/rosters/rosters.queries";
import { RosterTable, type RosterTableRow } from "./roster-table";

// React only batches act() updates when told it runs in a test environment.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  document.body.innerHTML = "";
});

let n = 0;
function row(overrides: Partial<RosterTableRow>): RosterTableRow {
  n += 1;
  return {
    id: `enr-${n}`,
    name: `Trainee ${n}`,
    email: `t${n}@example.com`,
    organization: null,
    status: "CONFIRMED",
    source: "SELF",
    waitlistPosition: null,
    paymentStatus: "UNPAID",
    invoiceRef: null,
    enrolledAt: Date.UTC(2026, 4, n),
    enrolledAtLabel: `May ${n}, 2026`,
    requestNote: null,
    offerUntilLabel: null,
    ...overrides,
  };
}

const ADMIN: RosterCapabilities = { editPayment: true, reorderWaitlist: true, changeCapacity: true };
const INSTRUCTOR: RosterCapabilities = { editPayment: false, reorderWaitlist: false, changeCapacity: false };

function mount(rows: RosterTableRow[], can: RosterCapabilities = INSTRUCTOR) {
  const container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root!.render(
      <NextIntlClientProvider locale="en" messages={en} timeZone="Asia/Seoul">
        <RosterTable
          rows={rows}
          moveOptions={[{ id: "other", label: "Jun 1 – 2, 2026 GMT+9 · 3 seats left" }]}
          can={can}
          courseTitle="Upstream basics"
          waitlistLength={rows.filter((r) => r.status === "WAITLISTED").length}
        />
      </NextIntlClientProvider>,
    ),
  );
  const table = () => container.querySelector("table");
  const names = () =>
    [...container.querySelectorAll("tbody th[scope=row]")].map((th) => th.textContent);
  const header = (label: string) =>
    [...container.querySelectorAll("thead th")].find((th) => th.textContent?.startsWith(label))!;
  /** Types into a controlled input or picks an option the way a browser does. */
  const change = (element: HTMLInputElement | HTMLSelectElement, value: string) =>
    act(() => {
      const proto = element instanceof HTMLSelectElement ? HTMLSelectElement : HTMLInputElement;
      Object.getOwnPropertyDescriptor(proto.prototype, "value")!.set!.call(element, value);
      element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
    });
  return { container, table, names, header, change };
}

describe("RosterTable", () => {
  const rows = [
    row({ name: "Kim Minji", email: "minji@songdo.example", organization: "Songdo Biologics", status: "PENDING_APPROVAL", requestNote: "I run this process daily" }),
    row({ name: "Park Jiho", email: "jiho@inha.example", organization: "Inha University", status: "CONFIRMED", paymentStatus: "PAID", invoiceRef: "FT-2026-0101" }),
    row({ name: "Lee Seoyeon", email: "seoyeon@example.com", status: "WAITLISTED", waitlistPosition: 1 }),
    row({ name: "Choi Yuna", email: "yuna@example.com", status: "CANCELLED" }),
  ];

  it("renders an accessible table: a caption, column headers, one row header per trainee", () => {
    const { table, names, container } = mount(rows);
    expect(table()?.querySelector("caption")?.textContent).toBe(
      "4 enrollments shown of 4. Times in Asia/Seoul.",
    );
    expect(table()?.getAttribute("aria-label")).toBe("Roster of Upstream basics");
    expect([...container.querySelectorAll("thead th")].map((th) => th.getAttribute("scope"))).toEqual(
      Array(10).fill("col"),
    );
    expect(names()).toEqual(["Kim Minji", "Park Jiho", "Lee Seoyeon", "Choi Yuna"]);
    expect(container.textContent).toContain("Note with the request: I run this process daily");
  });

  it("sorts by a column on click, marking the header with aria-sort, and back", () => {
    const { names, header } = mount(rows);
    act(() => header("Name").querySelector("button")!.click());
    expect(header("Name").getAttribute("aria-sort")).toBe("ascending");
    expect(names()).toEqual(["Choi Yuna", "Kim Minji", "Lee Seoyeon", "Park Jiho"]);
    act(() => header("Name").querySelector("button")!.click());
    expect(header("Name").getAttribute("aria-sort")).toBe("descending");
    expect(names()).toEqual(["Park Jiho", "Lee Seoyeon", "Kim Minji", "Choi Yuna"]);
    act(() => header("Name").querySelector("button")!.click());
    expect(header("Name").hasAttribute("aria-sort")).toBe(false);
    expect(names()).toEqual(["Kim Minji", "Park Jiho", "Lee Seoyeon", "Choi Yuna"]);
  });

  it("filters by status (one status, or every active one) and searches names, emails, organizations", () => {
    const { container, names, change } = mount(rows);
    const status = container.querySelector<HTMLSelectElement>("select:not([name])")!;
    change(status, "ACTIVE");
    expect(names()).toEqual(["Kim Minji", "Park Jiho", "Lee Seoyeon"]);
    change(status, "WAITLISTED");
    expect(names()).toEqual(["Lee Seoyeon"]);
    change(status, "");

    const search = container.querySelector<HTMLInputElement>("input[type=search]")!;
    change(search, "inha");
    expect(names()).toEqual(["Park Jiho"]);
    change(search, "FT-2026");
    expect(names()).toEqual(["Park Jiho"]);
    change(search, "MINJI@");
    expect(names()).toEqual(["Kim Minji"]);
    change(search, "nobody");
    expect(container.querySelector("table")).toBeNull();
    expect(container.textContent).toContain("No enrollments match these filters");
  });

  it("offers each status its own actions; reorder and payment editing only to admins", () => {
    const buttons = (container: HTMLElement, name: string) =>
      [...container.querySelectorAll("tbody tr")]
        .find((tr) => tr.querySelector("th")?.textContent === name)!
        .querySelectorAll("td:last-child button[aria-haspopup], td:last-child button[type=submit]");
    // The triggers in the row, not the buttons inside their (closed) dialogs.
    const labels = (container: HTMLElement, name: string) =>
      [...buttons(container, name)].filter((b) => !b.closest("dialog")).map((b) => b.textContent);

    const instructor = mount(rows, INSTRUCTOR);
    expect(labels(instructor.container, "Kim Minji")).toEqual(["Approve: Kim Minji", "Reject: Kim Minji"]);
    expect(labels(instructor.container, "Park Jiho")).toEqual(["Move: Park Jiho", "Cancel: Park Jiho"]);
    expect(labels(instructor.container, "Lee Seoyeon")).toEqual(["Move: Lee Seoyeon", "Cancel: Lee Seoyeon"]);
    expect(labels(instructor.container, "Choi Yuna")).toEqual([]);
    expect(instructor.container.querySelector("select[name=paymentStatus]")).toBeNull();
    expect(instructor.container.textContent).toContain("FT-2026-0101");
    act(() => root?.unmount());

    const waiting = [...rows, row({ name: "Jung Hana", status: "WAITLISTED", waitlistPosition: 2 })];
    const admin = mount(waiting, ADMIN);
    expect(labels(admin.container, "Lee Seoyeon")).toEqual([
      "Reorder: Lee Seoyeon",
      "Move: Lee Seoyeon",
      "Cancel: Lee Seoyeon",
    ]);
    // The payment select belongs to the form in the invoice column.
    const select = admin.container.querySelector<HTMLSelectElement>("select[name=paymentStatus]")!;
    const form = admin.container.querySelector<HTMLFormElement>(`form#${select.getAttribute("form")}`)!;
    expect(form.querySelector("input[name=invoiceRef]")).not.toBeNull();
    expect([...new FormData(form).keys()].sort()).toEqual(["enrollmentId", "invoiceRef", "paymentStatus"]);
  });

  it("pages long rosters 25 rows at a time", () => {
    const many = Array.from({ length: 30 }, (_, i) => row({ name: `Person ${String(i).padStart(2, "0")}` }));
    const { container, names } = mount(many);
    expect(names()).toHaveLength(25);
    expect(container.textContent).toContain("Page 1 of 2");
    const next = [...container.querySelectorAll("nav button")].find((b) => b.textContent === "Next page")!;
    act(() => (next as HTMLButtonElement).click());
    expect(names()).toEqual(["Person 25", "Person 26", "Person 27", "Person 28", "Person 29"]);
  });

  it("shows an empty state when nobody is on the roster", () => {
    const { container, table } = mount([]);
    expect(table()).toBeNull();
    expect(container.textContent).toContain("No one is on this roster yet");
  });
});
