import { UserPlus } from "lucide-react";
import { getTranslations } from "next-intl/server";
import { LinkButton } from "@/components/site/link-button";
import { PageShell } from "@/components/site/page-shell";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Pagination } from "@/components/ui/pagination";
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
import { openProtectedPage } from "@/lib/auth/protected-page";
import { formatDate } from "@/lib/i18n/format";
import { translatedMetadata } from "@/lib/i18n/page-metadata";
import { listPartnerOrganizationOptions, listUsers } from "@/lib/users/users.queries";
import { listUsersQuerySchema, ROLES } from "@/lib/users/users.schemas";
import { ChangeRoleForm, SetActiveForm } from "./user-actions";

export const generateMetadata = translatedMetadata("users.list");
// Per-user page, rendered for each request (see lib/auth/protected-page.ts).
export const instant = false;

export default async function AdminUsersPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/users">) {
  const { locale, user: viewer } = await openProtectedPage(params, "user:manage");
  const query = listUsersQuerySchema.parse(await searchParams);
  const [data, partnerOptions, t, tRoles] = await Promise.all([
    listUsers(viewer, query),
    listPartnerOrganizationOptions(viewer, locale),
    getTranslations({ locale, namespace: "users.list" }),
    getTranslations({ locale, namespace: "users.roles" }),
  ]);
  const filtered = Boolean(query.q || query.role || query.status);

  return (
    <PageShell
      title={t("title")}
      description={t("description")}
      actions={
        <LinkButton href="/admin/users/invite" icon={UserPlus}>
          {t("invite")}
        </LinkButton>
      }
    >
      {/* A plain GET form: works without JavaScript and the URL can be shared. */}
      <form
        method="get"
        role="search"
        aria-label={t("filterLegend")}
        className="mb-6 flex flex-wrap items-end gap-3"
      >
        <div className="flex w-full flex-col gap-1.5 sm:w-72">
          <Label htmlFor="users-q">{t("search")}</Label>
          <Input id="users-q" name="q" type="search" defaultValue={query.q ?? ""} maxLength={100} />
        </div>
        <div className="flex w-44 flex-col gap-1.5">
          <Label htmlFor="users-role">{t("role")}</Label>
          <Select id="users-role" name="role" defaultValue={query.role ?? ""}>
            <option value="">{t("allRoles")}</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex w-40 flex-col gap-1.5">
          <Label htmlFor="users-status">{t("status")}</Label>
          <Select id="users-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">{t("allStatuses")}</option>
            <option value="active">{t("active")}</option>
            <option value="inactive">{t("inactive")}</option>
          </Select>
        </div>
        <Button type="submit">{t("filter")}</Button>
        {filtered ? (
          <LinkButton href="/admin/users" variant="ghost">
            {t("clear")}
          </LinkButton>
        ) : null}
      </form>

      {data.items.length === 0 ? (
        <EmptyState
          title={filtered ? t("emptyFiltered") : t("empty")}
          description={filtered ? t("emptyFilteredHint") : undefined}
        />
      ) : (
        <>
          <Table>
            <TableCaption>{t("caption", { total: data.total })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.user")}</TableHead>
                <TableHead>{t("columns.organization")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
                <TableHead>{t("columns.created")}</TableHead>
                <TableHead>{t("columns.role")}</TableHead>
                <TableHead>{t("columns.actions")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.items.map((user) => {
                const self = user.id === viewer.id;
                return (
                  <TableRow key={user.id}>
                    <TableCell>
                      <div className="flex flex-col">
                        <span className="font-medium">
                          {user.name}
                          {self ? (
                            <Badge variant="neutral" className="ml-2 align-middle">
                              {t("you")}
                            </Badge>
                          ) : null}
                        </span>
                        <span className="text-muted-foreground">{user.email}</span>
                      </div>
                    </TableCell>
                    <TableCell>{user.organizationName ?? "—"}</TableCell>
                    <TableCell>
                      <div className="flex flex-col gap-1">
                        <Badge variant={user.active ? "success" : "neutral"}>
                          {user.active ? t("active") : t("inactive")}
                        </Badge>
                        {user.emailVerified ? null : (
                          <Badge variant="warning">{t("unverified")}</Badge>
                        )}
                      </div>
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {formatDate(user.createdAt, locale)}
                    </TableCell>
                    <TableCell>
                      {self ? (
                        <Badge variant="outline">{tRoles(user.role)}</Badge>
                      ) : (
                        <ChangeRoleForm
                          userId={user.id}
                          userName={user.name}
                          role={user.role}
                          organizationId={user.organizationId}
                          partnerOrganizations={partnerOptions}
                        />
                      )}
                    </TableCell>
                    <TableCell>
                      {self ? (
                        <span className="text-xs text-muted-foreground">{t("selfNote")}</span>
                      ) : (
                        <SetActiveForm userId={user.id} userName={user.name} active={user.active} />
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Pagination
            className="mt-6"
            page={data.page}
            pageCount={data.pageCount}
            pathname="/admin/users"
            query={{ q: query.q, role: query.role, status: query.status }}
          />
        </>
      )}
    </PageShell>
  );
}
