import iconv from "iconv-lite";
import {
  DEMO_PASSWORD,
  expect,
  expectNoAxeViolations,
  field,
  signIn,
  test,
} from "./support/fixtures";
import { linkIn, waitForMail } from "./support/mailbox";

/**
 * A partner coordinator keeps a cohort: creates it, imports a member list (with one broken
 * row) through the preview, confirms, and sees the invitations go out; a student accepts
 * theirs and shows up as joined. Once in Korean with the CP949 file Korean Excel writes, once
 * in English with a UTF-8 file.
 */

const PARTNER = "partner@fasttrak.example";

const text = {
  ko: {
    newCohort: "새 코호트",
    cohortName: "코호트 이름",
    create: "코호트 만들기",
    created: "코호트를 만들었습니다",
    importLink: "명단 가져오기",
    file: "명단 파일",
    preview: "미리보기",
    previewHeading: /미리보기: /,
    format: "CSV (CP949 한글 엑셀)",
    missingName: "이름: 필수 입력 항목입니다.",
    confirm: "2명 가져오기",
    imported: "명단을 가져왔습니다. 2명 추가, 0명 수정, 초대 메일 2통을 보냅니다.",
    invited: "초대 중",
    mailSubject: /인하대학교에서 Fast Trak 교육센터에 회원님을 등록했습니다/,
    name: "이름",
    password: "비밀번호",
    createAccount: "계정 만들기",
    joined: /가입$/,
  },
  en: {
    newCohort: "New cohort",
    cohortName: "Cohort name",
    create: "Create cohort",
    created: "The cohort has been created",
    importLink: "Import members",
    file: "Member list file",
    preview: "Preview",
    previewHeading: /Preview: /,
    format: "CSV (UTF-8 with BOM)",
    missingName: "Name: This field is required.",
    confirm: "Import 2 members",
    imported: "The member list has been imported: 2 added, 0 updated, 2 invitations on their way.",
    invited: "Invited",
    mailSubject: /has registered you with the Fast Trak Center/,
    name: "Name",
    password: "Password",
    createAccount: "Create account",
    joined: /^Joined /,
  },
} as const;

for (const locale of ["ko", "en"] as const) {
  test(`a coordinator imports a cohort's members and sees who joins (${locale})`, async ({
    page,
    browser,
  }) => {
    const t = text[locale];
    const stamp = `${Date.now()}`;
    const first = `e2e-cohort-${stamp}-a@example.com`;
    const second = `e2e-cohort-${stamp}-b@example.com`;

    await signIn(page, locale, PARTNER, DEMO_PASSWORD);
    await page.goto(`/${locale}/partner/cohorts`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);

    // Create the cohort.
    await page.getByRole("link", { name: t.newCohort }).first().click();
    await field(page, t.cohortName).fill(`E2E ${locale} ${stamp}`);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: t.create }).click();
    await expect(page.getByText(t.created)).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`E2E ${locale} ${stamp}`);
    await expectNoAxeViolations(page);

    // Upload a list with one broken row: nothing is saved yet, every row is explained.
    await page.getByRole("link", { name: t.importLink }).first().click();
    await expectNoAxeViolations(page);
    const csv = [
      "이름,이메일,학번,학과",
      `김민지,${first},12270001,생명공학과`,
      `Jiwoo Park,${second},12270002,Bioengineering`,
      `,${stamp}-noname@example.com,12270003,`,
    ].join("\r\n");
    // Korean Excel saves CSV as CP949; other tools write UTF-8, often with a BOM.
    const buffer =
      locale === "ko"
        ? iconv.encode(csv, "cp949")
        : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, "utf8")]);
    await field(page, t.file).setInputFiles({ name: "members.csv", mimeType: "text/csv", buffer });
    await page.getByRole("button", { name: t.preview, exact: true }).click();
    await expect(page.getByRole("heading", { name: t.previewHeading })).toBeVisible();
    await expect(page.getByText(t.format)).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(first) })).toBeVisible();
    await expect(page.getByText(t.missingName)).toBeVisible();
    await expectNoAxeViolations(page);

    // Confirm: both valid rows are added and invited.
    await page.getByRole("button", { name: t.confirm }).click();
    await expect(page.getByText(t.imported)).toBeVisible();
    for (const email of [first, second]) {
      await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText(t.invited);
    }
    await expectNoAxeViolations(page);

    // The invitation arrives in the coordinator's chosen language, and its link works.
    const mail = await waitForMail(first, t.mailSubject);
    const link = linkIn(mail, "/accept-invitation");
    const student = await browser.newContext();
    try {
      const studentPage = await student.newPage();
      await studentPage.goto(link);
      await expectNoAxeViolations(studentPage);
      await field(studentPage, t.name).fill("김민지");
      await field(studentPage, t.password).fill("Bioprocess2027!");
      await studentPage.getByRole("button", { name: t.createAccount }).click();
      await expect(studentPage).toHaveURL(/\/sign-in\?notice=invitation-accepted/);
    } finally {
      await student.close();
    }

    // The coordinator now sees the student as joined.
    await page.reload();
    const row = page.getByRole("row", { name: new RegExp(first) });
    await expect(row.getByText(t.joined)).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(second) })).toContainText(t.invited);
  });
}
