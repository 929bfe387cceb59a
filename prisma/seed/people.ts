import type { CourseCategory, Locale, Role } from "@/lib/generated/prisma/enums";
import { demoAccount } from "./demo-accounts";

export type PersonSeed = {
  key: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  orgKey?: string;
  jobTitle?: string;
};

export type InstructorSeed = PersonSeed & {
  /** categories they teach */
  teaches: CourseCategory[];
  /** languages they teach in */
  speaks: Locale[];
};

const CENTER = "fasttrak.example";

export const ADMINS: readonly PersonSeed[] = [
  {
    key: "admin",
    email: demoAccount("ADMIN").email,
    name: demoAccount("ADMIN").name,
    role: "ADMIN",
    locale: "ko",
    jobTitle: "교육운영팀장",
  },
  {
    key: "admin-2",
    email: `minho.kang@${CENTER}`,
    name: "강민호",
    role: "ADMIN",
    locale: "ko",
    jobTitle: "교육운영 매니저",
  },
];

export const INSTRUCTORS: readonly InstructorSeed[] = [
  {
    key: "instructor",
    email: demoAccount("INSTRUCTOR").email,
    name: demoAccount("INSTRUCTOR").name,
    role: "INSTRUCTOR",
    locale: "ko",
    jobTitle: "수석 강사 (업스트림)",
    teaches: ["UPSTREAM", "SINGLE_USE", "PROCESS_DEVELOPMENT"],
    speaks: ["ko", "en"],
  },
  {
    key: "kim-jihyun",
    email: `jihyun.kim@${CENTER}`,
    name: "김지현",
    role: "INSTRUCTOR",
    locale: "ko",
    jobTitle: "선임 강사 (다운스트림)",
    teaches: ["DOWNSTREAM", "PROCESS_DEVELOPMENT"],
    speaks: ["ko"],
  },
  {
    key: "lee-seungmin",
    email: `seungmin.lee@${CENTER}`,
    name: "이승민",
    role: "INSTRUCTOR",
    locale: "ko",
    jobTitle: "선임 강사 (분석)",
    teaches: ["ANALYTICS", "DOWNSTREAM"],
    speaks: ["ko", "en"],
  },
  {
    key: "choi-sua",
    email: `sua.choi@${CENTER}`,
    name: "최수아",
    role: "INSTRUCTOR",
    locale: "ko",
    jobTitle: "강사 (세포치료)",
    teaches: ["CELL_THERAPY"],
    speaks: ["ko", "en"],
  },
  {
    key: "jung-daeun",
    email: `daeun.jung@${CENTER}`,
    name: "정다은",
    role: "INSTRUCTOR",
    locale: "ko",
    jobTitle: "강사 (GMP·품질)",
    teaches: ["GMP_QUALITY", "ANALYTICS"],
    speaks: ["ko", "en"],
  },
  {
    key: "han-taeyoon",
    email: `taeyoon.han@${CENTER}`,
    name: "한태윤",
    role: "INSTRUCTOR",
    locale: "ko",
    jobTitle: "강사 (일회용 기술·GMP)",
    teaches: ["UPSTREAM", "SINGLE_USE", "GMP_QUALITY"],
    speaks: ["ko"],
  },
  {
    key: "daniel-hoffmann",
    email: `daniel.hoffmann@${CENTER}`,
    name: "Daniel Hoffmann",
    role: "INSTRUCTOR",
    locale: "en",
    jobTitle: "Senior Instructor, Downstream Processing",
    teaches: ["DOWNSTREAM", "PROCESS_DEVELOPMENT"],
    speaks: ["en"],
  },
  {
    key: "sarah-mitchell",
    email: `sarah.mitchell@${CENTER}`,
    name: "Sarah Mitchell",
    role: "INSTRUCTOR",
    locale: "en",
    jobTitle: "Instructor, Cell Therapy and Upstream",
    teaches: ["CELL_THERAPY", "UPSTREAM"],
    speaks: ["en"],
  },
];

type Coordinator = PersonSeed & { orgKey: string };

export const PARTNER_COORDINATORS: readonly Coordinator[] = [
  {
    key: "coord-kopo",
    email: "hyejin.song@kopo-bio.example",
    name: "송혜진",
    role: "PARTNER",
    locale: "ko",
    orgKey: "kopo",
    jobTitle: "산학협력단 코디네이터",
  },
  {
    key: "coord-snu",
    email: "sungwoo.lim@snu.example",
    name: "임성우",
    role: "PARTNER",
    locale: "ko",
    orgKey: "snu",
    jobTitle: "바이오공학 교육과정 코디네이터",
  },
  {
    key: "partner",
    email: demoAccount("PARTNER").email,
    name: demoAccount("PARTNER").name,
    role: "PARTNER",
    locale: "ko",
    orgKey: "inha",
    jobTitle: "바이오인재양성사업단 코디네이터",
  },
  {
    key: "coord-jeiu",
    email: "jieun.oh@jeiu.example",
    name: "오지은",
    role: "PARTNER",
    locale: "ko",
    orgKey: "jeiu",
    jobTitle: "현장실습지원센터 담당",
  },
];

/** [key (local part of the e-mail), name, job title, locale?] per organization. */
const TRAINEES_BY_ORG: Record<string, [string, string, string, Locale?][]> = {
  "songdo-bio": [
    ["hyunwoo.lee", "이현우", "생산1팀 주임"],
    ["soyeon.park", "박소연", "QC팀 분석원"],
    ["woojin.jung", "정우진", "정제팀 선임연구원"],
    ["haneul.kang", "강하늘", "생산2팀 사원"],
    ["eunbi.cho", "조은비", "품질보증팀 대리"],
    ["priya.raman", "Priya Raman", "Process Engineer, MSAT", "en"],
    ["jaehyuk.yoon", "윤재혁", "MSAT팀 책임"],
  ],
  hanul: [
    ["jiwon.lim", "임지원", "세포배양팀 연구원"],
    ["donghoon.han", "한동훈", "정제개발팀 책임연구원"],
    ["subin.oh", "오수빈", "분석개발팀 연구원"],
    ["minjae.seo", "서민재", "생산팀 사원"],
    ["michael.tan", "Michael Tan", "Senior Scientist, Analytical Development", "en"],
    ["yerin.shin", "신예린", "품질보증팀 사원"],
  ],
  seohae: [
    ["taehyun.kwon", "권태현", "생산기술팀 과장"],
    ["bora.hwang", "황보라", "QC 미생물 담당"],
    ["sungho.moon", "문성호", "설비팀 대리"],
    ["jihyun.bae", "배지현", "밸리데이션팀 주임"],
    ["jaewon.song", "송재원", "생산팀 사원"],
  ],
  "incheon-cdmo": [
    ["seoyun.ahn", "안서윤", "기술이전팀 선임"],
    ["gunwoo.ryu", "류건우", "USP 운영 주임"],
    ["hyewon.jeon", "전혜원", "DSP 운영 사원"],
    ["lan.nguyen", "Nguyen Thi Lan", "Manufacturing Associate", "en"],
    ["seokjin.hong", "홍석진", "QA팀장"],
  ],
  "cheongna-cell": [
    ["hyun.namgung", "남궁현", "대표이사"],
    ["dain.yoo", "유다인", "세포치료 연구원"],
    ["mirae.jang", "장미래", "품질관리 담당"],
  ],
  mirgen: [
    ["eunchae.ko", "고은채", "공동창업자 · CTO"],
    ["tom.becker", "Tom Becker", "Bioprocess Scientist", "en"],
    ["yunho.cha", "차윤호", "연구원"],
  ],
  "bio-agency": [
    ["jihoon.noh", "노지훈", "산업지원팀 선임"],
    ["seungyeon.baek", "백승연", "인력양성팀 주임"],
  ],
  inha: [
    ["doyun.kim", "김도윤", "생명공학과 4학년"],
    ["chaewon.lee", "이채원", "생명공학과 4학년"],
    ["jiho.park", "박지호", "생명공학과 3학년"],
    ["seohyun.choi", "최서현", "화학공학과 4학년"],
    ["minseok.jung", "정민석", "생명공학과 4학년"],
    ["yuna.han", "한유나", "생명공학과 3학년"],
  ],
  snu: [
    ["hyunjun.oh", "오현준", "화학생물공학부 대학원생"],
    ["nayeon.kim", "김나연", "화학생물공학부 대학원생"],
  ],
  kopo: [
    ["junseo.lee", "이준서", "바이오배양공정과 2학년"],
    ["jimin.seo", "서지민", "바이오분석시험과 2학년"],
  ],
  jeiu: [["seunghyun.yu", "유승현", "바이오제약과 2학년"]],
};

export const DEMO_TRAINEE: PersonSeed = {
  key: "trainee",
  email: demoAccount("TRAINEE").email,
  name: demoAccount("TRAINEE").name,
  role: "TRAINEE",
  locale: "ko",
  orgKey: "songdo-bio",
  jobTitle: "공정개발팀 연구원",
};

export function traineeSeeds(domainOf: (orgKey: string) => string): PersonSeed[] {
  const trainees: PersonSeed[] = [DEMO_TRAINEE];
  for (const [orgKey, people] of Object.entries(TRAINEES_BY_ORG)) {
    for (const [local, name, jobTitle, locale] of people) {
      trainees.push({
        key: local,
        email: `${local}@${domainOf(orgKey)}`,
        name,
        role: "TRAINEE",
        locale: locale ?? "ko",
        orgKey,
        jobTitle,
      });
    }
  }
  return trainees;
}
