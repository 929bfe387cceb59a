"use client";

import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createPaginatedRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  useTable,
  type FilterFn,
  type SortFn,
} from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronLeft, ChevronRight, Search } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { ACTIVE_STATUSES } from "@/lib/enrollments/enrollments.rules";
import type {
  EnrollmentSource,
  EnrollmentStatus,
  PaymentStatus,
} from "@/lib/generated/prisma/enums";
import type { RosterCapabilities } from "@/lib/rosters/rosters.queries";
import { ENROLLMENT_STATUS_VARIANT, PAYMENT_STATUS_VARIANT } from "@/lib/rosters/status-variants";
import {
  ApproveForm,
  CancelForm,
  MoveForm,
  PaymentForm,
  PaymentStatusSelect,
  RejectForm,
  ReorderForm,
  RosterAnnouncer,
  type MoveOption,
} from "./row-actions";

export type { MoveOption } from "./row-actions";

/** One enrollment as the table shows it; dates come formatted from the server. */
export type RosterTableRow = {
  id: string;
  name: string;
  email: string;
  organization: string | null;
  status: EnrollmentStatus;
  source: EnrollmentSource;
  waitlistPosition: number | null;
  paymentStatus: PaymentStatus;
  invoiceRef: string | null;
  /** Epoch milliseconds, for sorting. */
  enrolledAt: number;
  enrolledAtLabel: string;
  requestNote: string | null;
  offerUntilLabel: string | null;
};

const STATUSES: readonly EnrollmentStatus[] = [
  "PENDING_APPROVAL",
  "CONFIRMED",
  "OFFERED",
  "WAITLISTED",
  "COMPLETED",
  "NO_SHOW",
  "CANCELLED",
  "DECLINED",
  "EXPIRED",
  "REJECTED",
];
/** The status filter's value for "every active enrollment". */
const ACTIVE = "ACTIVE";
const PAGE_SIZE = 25;
/** Columns the search box looks in. */
const SEARCHABLE = new Set(["name", "email", "organization", "invoiceRef"]);

const statusFilter: FilterFn<typeof features, RosterTableRow> = (row, columnId, value) => {
  const status = row.getValue<EnrollmentStatus>(columnId);
  return value === ACTIVE
    ? (ACTIVE_STATUSES as readonly EnrollmentStatus[]).includes(status)
    : status === value;
};

const textSearch: FilterFn<typeof features, RosterTableRow> = (row, columnId, value) =>
  String(row.getValue(columnId) ?? "")
    .toLocaleLowerCase()
    .includes(String(value).trim().toLocaleLowerCase());

/** Statuses sort in the roster's reading order, not alphabetically by their code. */
const byStatusOrder: SortFn<typeof features, RosterTableRow> = (a, b, columnId) =>
  STATUSES.indexOf(a.getValue<EnrollmentStatus>(columnId)) -
  STATUSES.indexOf(b.getValue<EnrollmentStatus>(columnId));

// Stable across renders (TanStack Table v9: features and columns must not be recreated).
const features = tableFeatures({
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, text: sortFn_text },
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
});

const helper = createColumnHelper<typeof features, RosterTableRow>();

export function RosterTable({
  rows,
  moveOptions,
  can,
  courseTitle,
  waitlistLength,
}: {
  rows: RosterTableRow[];
  moveOptions: MoveOption[];
  can: RosterCapabilities;
  courseTitle: string;
  waitlistLength: number;
}) {
  const t = useTranslations("roster");
  const searchId = useId();
  const statusId = useId();

  const columns = useMemo(
    () =>
      helper.columns([
        helper.accessor("name", { header: t("columns.name"), sortFn: "text" }),
        helper.accessor("email", { header: t("columns.email"), sortFn: "text" }),
        helper.accessor("organization", {
          header: t("columns.organization"),
          sortFn: "text",
          sortUndefined: "last",
          cell: (info) => info.getValue() ?? "—",
        }),
        helper.accessor("status", {
          header: t("columns.status"),
          sortFn: byStatusOrder,
          filterFn: statusFilter,
          enableGlobalFilter: false,
          cell: (info) => {
            const row = info.row.original;
            return (
              <div className="flex flex-col gap-1">
                <Badge variant={ENROLLMENT_STATUS_VARIANT[row.status]}>{t(`status.${row.status}`)}</Badge>
                {row.status === "OFFERED" && row.offerUntilLabel ? (
                  <span className="text-xs text-muted-foreground">
                    {t("row.offerUntil", { date: row.offerUntilLabel })}
                  </span>
                ) : null}
                {row.status === "PENDING_APPROVAL" && row.requestNote ? (
                  <span className="max-w-64 text-xs whitespace-normal text-muted-foreground">
                    {t("row.requestNote", { note: row.requestNote })}
                  </span>
                ) : null}
              </div>
            );
          },
        }),
        helper.accessor("source", {
          header: t("columns.source"),
          sortFn: "text",
          enableGlobalFilter: false,
          cell: (info) => t(`source.${info.getValue()}`),
        }),
        helper.accessor("waitlistPosition", {
          header: t("columns.waitlistPosition"),
          sortFn: "basic",
          sortUndefined: "last",
          enableGlobalFilter: false,
          cell: (info) => info.getValue() ?? "—",
        }),
        helper.accessor("paymentStatus", {
          header: t("columns.paymentStatus"),
          sortFn: "text",
          enableGlobalFilter: false,
          cell: (info) => {
            const row = info.row.original;
            return can.editPayment ? (
              <PaymentStatusSelect enrollmentId={row.id} name={row.name} paymentStatus={row.paymentStatus} />
            ) : (
              <Badge variant={PAYMENT_STATUS_VARIANT[row.paymentStatus]}>
                {t(`payment.${row.paymentStatus}`)}
              </Badge>
            );
          },
        }),
        helper.accessor("invoiceRef", {
          header: t("columns.invoiceRef"),
          sortFn: "alphanumeric",
          sortUndefined: "last",
          cell: (info) => {
            const row = info.row.original;
            return can.editPayment ? (
              <PaymentForm enrollmentId={row.id} name={row.name} invoiceRef={row.invoiceRef} />
            ) : (
              (row.invoiceRef ?? "—")
            );
          },
        }),
        helper.accessor("enrolledAt", {
          header: t("columns.enrolledAt"),
          sortFn: "basic",
          enableGlobalFilter: false,
          cell: (info) => info.row.original.enrolledAtLabel,
        }),
        helper.display({
          id: "actions",
          header: t("columns.actions"),
          cell: (info) => (
            <RowActions
              row={info.row.original}
              can={can}
              moveOptions={moveOptions}
              waitlistLength={waitlistLength}
            />
          ),
        }),
      ]),
    [t, can, moveOptions, waitlistLength],
  );

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    initialState: { pagination: { pageIndex: 0, pageSize: PAGE_SIZE } },
    globalFilterFn: textSearch,
    getColumnCanGlobalFilter: (column) => SEARCHABLE.has(column.id),
    // Saving a row re-renders the roster with fresh rows; the page being worked on stays.
    autoResetPageIndex: false,
  });

  const pageCount = Math.max(1, table.getPageCount());
  const pageIndex = table.state.pagination.pageIndex;
  // A filter or a change of the rows can leave the current page past the end.
  useEffect(() => {
    if (pageIndex > pageCount - 1) table.setPageIndex(pageCount - 1);
  }, [pageIndex, pageCount, table]);

  const statusColumn = table.getColumn("status");
  const statusValue = (statusColumn?.getFilterValue() as string | undefined) ?? "";
  const search = (table.state.globalFilter as string | undefined) ?? "";
  const filtered = statusValue !== "" || search.trim() !== "";
  const shown = table.getFilteredRowModel().rows.length;
  const visible = table.getRowModel().rows;

  return (
    <section aria-labelledby="roster-heading">
      <h2 id="roster-heading" className="mb-4 text-xl font-semibold">
        {t("table.heading")}
      </h2>
      <RosterAnnouncer>
        {rows.length === 0 ? (
          <EmptyState headingLevel="h3" title={t("table.empty")} description={t("table.emptyHint")} />
        ) : (
          <>
            <div role="search" className="mb-4 flex flex-wrap items-end gap-3">
              <div className="flex w-full flex-col gap-1.5 sm:w-72">
                <Label htmlFor={searchId}>{t("table.search")}</Label>
                <div className="relative">
                  <Search
                    aria-hidden="true"
                    className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground"
                  />
                  <Input
                    id={searchId}
                    type="search"
                    className="pl-9"
                    value={search}
                    placeholder={t("table.searchHint")}
                    aria-describedby={`${searchId}-hint`}
                    onChange={(event) => table.setGlobalFilter(event.target.value)}
                  />
                </div>
                <span id={`${searchId}-hint`} className="sr-only">
                  {t("table.searchHint")}
                </span>
              </div>
              <div className="flex w-full flex-col gap-1.5 sm:w-64">
                <Label htmlFor={statusId}>{t("table.statusFilter")}</Label>
                <Select
                  id={statusId}
                  value={statusValue}
                  onChange={(event) => statusColumn?.setFilterValue(event.target.value || undefined)}
                >
                  <option value="">{t("table.allStatuses")}</option>
                  <option value={ACTIVE}>{t("table.activeStatuses")}</option>
                  {STATUSES.map((status) => (
                    <option key={status} value={status}>
                      {t(`status.${status}`)}
                    </option>
                  ))}
                </Select>
              </div>
              {filtered ? (
                <Button
                  variant="ghost"
                  onClick={() => {
                    table.setGlobalFilter("");
                    statusColumn?.setFilterValue(undefined);
                  }}
                >
                  {t("table.clearFilters")}
                </Button>
              ) : null}
            </div>

            {shown === 0 ? (
              <EmptyState
                headingLevel="h3"
                title={t("table.emptyFiltered")}
                description={t("table.emptyFilteredHint")}
              />
            ) : (
              <Table aria-label={t("table.label", { course: courseTitle })}>
                <TableCaption>{t("table.caption", { shown, total: rows.length })}</TableCaption>
                <TableHeader>
                  {table.getHeaderGroups().map((group) => (
                    <TableRow key={group.id}>
                      {group.headers.map((header) => {
                        const sorted = header.column.getIsSorted();
                        const label = <table.FlexRender header={header} />;
                        return (
                          <TableHead
                            key={header.id}
                            aria-sort={
                              sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined
                            }
                          >
                            {header.column.getCanSort() ? (
                              <button
                                type="button"
                                onClick={header.column.getToggleSortingHandler()}
                                className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring"
                              >
                                {label}
                                {sorted === "asc" ? (
                                  <ArrowUp aria-hidden="true" className="size-3.5" />
                                ) : sorted === "desc" ? (
                                  <ArrowDown aria-hidden="true" className="size-3.5" />
                                ) : (
                                  <ArrowUpDown aria-hidden="true" className="size-3.5 text-muted-foreground" />
                                )}
                              </button>
                            ) : (
                              label
                            )}
                          </TableHead>
                        );
                      })}
                    </TableRow>
                  ))}
                </TableHeader>
                <TableBody>
                  {visible.map((row) => (
                    <TableRow key={row.id}>
                      {row.getAllCells().map((cell) =>
                        cell.column.id === "name" ? (
                          <TableHead key={cell.id} scope="row" className="h-auto py-2.5 font-medium">
                            <table.FlexRender cell={cell} />
                          </TableHead>
                        ) : (
                          <TableCell
                            key={cell.id}
                            className={cell.column.id === "waitlistPosition" ? "text-right tabular-nums" : "whitespace-nowrap"}
                          >
                            <table.FlexRender cell={cell} />
                          </TableCell>
                        ),
                      )}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}

            {shown > 0 && pageCount > 1 ? (
              <nav aria-label={t("table.pagination")} className="mt-4 flex items-center justify-center gap-2">
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => table.previousPage()}
                  disabled={!table.getCanPreviousPage()}
                >
                  <ChevronLeft aria-hidden="true" />
                  {t("table.previous")}
                </Button>
                <span className="text-sm tabular-nums" aria-live="polite">
                  {t("table.pageOf", { page: Math.min(pageIndex + 1, pageCount), count: pageCount })}
                </span>
                <Button
                  variant="ghost"
                  size="sm"
                  onClick={() => table.nextPage()}
                  disabled={!table.getCanNextPage()}
                >
                  {t("table.next")}
                  <ChevronRight aria-hidden="true" />
                </Button>
              </nav>
            ) : null}
          </>
        )}
      </RosterAnnouncer>
    </section>
  );
}

/** What staff can do with one enrollment, by its status and the viewer's permissions. */
function RowActions({
  row,
  can,
  moveOptions,
  waitlistLength,
}: {
  row: RosterTableRow;
  can: RosterCapabilities;
  moveOptions: MoveOption[];
  waitlistLength: number;
}) {
  const t = useTranslations("roster.row");
  const actions = [];
  if (row.status === "PENDING_APPROVAL") {
    actions.push(
      <ApproveForm key="approve" enrollmentId={row.id} name={row.name} />,
      <RejectForm key="reject" enrollmentId={row.id} name={row.name} />,
    );
  }
  if (row.status === "WAITLISTED" && can.reorderWaitlist && row.waitlistPosition && waitlistLength > 1) {
    actions.push(
      <ReorderForm
        key="reorder"
        enrollmentId={row.id}
        name={row.name}
        position={row.waitlistPosition}
        total={waitlistLength}
      />,
    );
  }
  if ((row.status === "CONFIRMED" || row.status === "OFFERED" || row.status === "WAITLISTED") && moveOptions.length > 0) {
    actions.push(<MoveForm key="move" enrollmentId={row.id} name={row.name} options={moveOptions} />);
  }
  if ((ACTIVE_STATUSES as readonly EnrollmentStatus[]).includes(row.status) && row.status !== "PENDING_APPROVAL") {
    actions.push(<CancelForm key="cancel" enrollmentId={row.id} name={row.name} />);
  }
  if (actions.length === 0) {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t("noActions")}</span>
      </>
    );
  }
  return <div className="flex flex-wrap items-start gap-2">{actions}</div>;
}
