import type { Role } from "@/lib/generated/prisma/enums";

/**
 * The sign-in accounts of the demo data, one per role, printed by the launcher and the README.
 * The password is public on purpose: these accounts exist only in demo installs seeded by
 * prisma/seed.ts, never in a database that was not seeded.
 */
export const DEMO_PASSWORD = "FastTrak!2026";

export type DemoAccount = {
  email: string;
  role: Role;
  password: string;
  name: string;
  description: string;
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: "admin@fasttrak.example",
    role: "ADMIN",
    password: DEMO_PASSWORD,
    name: "윤서진",
    description: "Center administrator",
  },
  {
    email: "instructor@fasttrak.example",
    role: "INSTRUCTOR",
    password: DEMO_PASSWORD,
    name: "박준호",
    description: "Instructor (upstream, single-use, process development)",
  },
  {
    email: "partner@fasttrak.example",
    role: "PARTNER",
    password: DEMO_PASSWORD,
    name: "최유진",
    description: "Partner coordinator, Inha University",
  },
  {
    email: "trainee@fasttrak.example",
    role: "TRAINEE",
    password: DEMO_PASSWORD,
    name: "김민지",
    description: "Trainee, Songdo Biologics",
  },
];

export function demoAccount(role: Role): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return account;
}
