/** Cohorts kept by partner coordinators; members without `userKey` have no account yet. */
export type CohortSeed = {
  key: string;
  orgKey: string;
  coordinatorKey: string;
  name: string;
  program: string;
  description: string;
  members: {
    name: string;
    email?: string;
    userKey?: string;
    studentNumber: string;
    department: string;
    invited?: boolean;
  }[];
};

export const COHORTS: readonly CohortSeed[] = [
  {
    key: "inha-2026",
    orgKey: "inha",
    coordinatorKey: "partner",
    name: "생명공학과 2026 바이오공정 실무반",
    program: "Fast Trak 연계 바이오공정 실무 과정",
    description:
      "생명공학과·화학공학과 3–4학년 대상 현장 실습 연계반. 학기 중 업스트림 기초와 GMP 과정을 이수합니다.",
    members: [
      { name: "김도윤", userKey: "doyun.kim", studentNumber: "12201187", department: "생명공학과" },
      {
        name: "이채원",
        userKey: "chaewon.lee",
        studentNumber: "12201203",
        department: "생명공학과",
      },
      { name: "박지호", userKey: "jiho.park", studentNumber: "12211045", department: "생명공학과" },
      {
        name: "최서현",
        userKey: "seohyun.choi",
        studentNumber: "12201366",
        department: "화학공학과",
      },
      {
        name: "정민석",
        userKey: "minseok.jung",
        studentNumber: "12201412",
        department: "생명공학과",
      },
      { name: "한유나", userKey: "yuna.han", studentNumber: "12211098", department: "생명공학과" },
      {
        name: "곽수진",
        email: "sujin.kwak@inha.example",
        studentNumber: "12201455",
        department: "생명공학과",
        invited: true,
      },
      {
        name: "이재민",
        email: "jaemin.lee@inha.example",
        studentNumber: "12201502",
        department: "화학공학과",
        invited: true,
      },
      {
        name: "송하영",
        email: "hayoung.song@inha.example",
        studentNumber: "12211133",
        department: "생명공학과",
        invited: true,
      },
      {
        name: "김동욱",
        email: "dongwook.kim@inha.example",
        studentNumber: "12201578",
        department: "화학공학과",
      },
      {
        name: "박예림",
        email: "yerim.park@inha.example",
        studentNumber: "12211162",
        department: "생명공학과",
      },
      {
        name: "조태민",
        email: "taemin.cho@inha.example",
        studentNumber: "12201611",
        department: "생명공학과",
      },
    ],
  },
  {
    key: "kopo-2026",
    orgKey: "kopo",
    coordinatorKey: "coord-kopo",
    name: "바이오분석시험과 2026 산학 실습",
    program: "바이오 분석·품질 현장 실습",
    description: "2학년 산학 실습 과목 연계. 분석 기초와 GMP 기초 과정을 함께 이수합니다.",
    members: [
      {
        name: "이준서",
        userKey: "junseo.lee",
        studentNumber: "2025011",
        department: "바이오배양공정과",
      },
      {
        name: "서지민",
        userKey: "jimin.seo",
        studentNumber: "2025027",
        department: "바이오분석시험과",
      },
      {
        name: "강예준",
        email: "yejun.kang@kopo-bio.example",
        studentNumber: "2025031",
        department: "바이오분석시험과",
      },
      {
        name: "문하린",
        email: "harin.moon@kopo-bio.example",
        studentNumber: "2025034",
        department: "바이오분석시험과",
      },
      {
        name: "윤시우",
        email: "siwoo.yoon@kopo-bio.example",
        studentNumber: "2025040",
        department: "바이오분석시험과",
      },
      {
        name: "임채윤",
        email: "chaeyun.lim@kopo-bio.example",
        studentNumber: "2025042",
        department: "바이오분석시험과",
      },
      {
        name: "장우현",
        email: "woohyun.jang@kopo-bio.example",
        studentNumber: "2025048",
        department: "바이오분석시험과",
      },
      {
        name: "홍다은",
        email: "daeun.hong@kopo-bio.example",
        studentNumber: "2025053",
        department: "바이오분석시험과",
      },
    ],
  },
];
