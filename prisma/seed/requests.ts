import type {
  Locale,
  TrainingRequestKind,
  TrainingRequestStatus,
} from "@/lib/generated/prisma/enums";

/** Custom-training and pilot-process requests at each stage of the admins' pipeline. */
export type TrainingRequestSeed = {
  kind: TrainingRequestKind;
  company: string;
  contactName: string;
  email: string;
  phone?: string;
  topic: string;
  headcount?: number;
  preferredDates?: string;
  message: string;
  locale: Locale;
  daysAgo: number;
  /** the statuses it moved through after NEW, with the admin's note and days after submission */
  history: { to: TrainingRequestStatus; note: string; afterDays: number }[];
};

export const TRAINING_REQUESTS: readonly TrainingRequestSeed[] = [
  {
    kind: "PILOT_PROCESS",
    company: "미르젠바이오",
    contactName: "고은채",
    email: "eunchae.ko@mirgen.example",
    phone: "010-4821-7730",
    topic: "재조합 효소 생산 공정 파일럿 런 (5 L 유가식 + 정제)",
    headcount: 3,
    preferredDates: "다음 달 셋째 주 이후, 2주간",
    message:
      "당사 재조합 효소의 5 L 유가식 배양과 1차 정제를 센터 장비로 파일럿 규모에서 확인하고 싶습니다. 당사 연구원 3명이 직접 참여할 예정이며 세포주와 배지는 저희가 준비합니다.",
    locale: "ko",
    daysAgo: 2,
    history: [],
  },
  {
    kind: "CUSTOM_TRAINING",
    company: "서해바이오파마",
    contactName: "권태현",
    email: "taehyun.kwon@seohaepharma.example",
    phone: "032-850-1124",
    topic: "신입 생산직 GMP·무균 조작 맞춤 교육",
    headcount: 20,
    preferredDates: "3월 중 평일 2일",
    message:
      "올해 신규 입사한 생산직 20명을 대상으로 GMP 기초와 무균 조작을 묶은 2일 과정을 요청드립니다. 가능하면 당사 SOP 일부를 교육 자료에 반영해 주셨으면 합니다.",
    locale: "ko",
    daysAgo: 9,
    history: [
      {
        to: "CONTACTED",
        note: "담당자와 통화함. 교육 인원 2개 반(10명씩)으로 나누는 방안 협의 중.",
        afterDays: 1,
      },
    ],
  },
  {
    kind: "CUSTOM_TRAINING",
    company: "Meridian Biologics (Singapore)",
    contactName: "Grace Lim",
    email: "grace.lim@meridianbio.example",
    topic: "Downstream training for the team of our new Songdo site",
    headcount: 8,
    preferredDates: "Any two consecutive weeks next quarter",
    message:
      "We are opening a manufacturing site in Songdo and would like hands-on chromatography and TFF training in English for eight process engineers before tech transfer starts.",
    locale: "en",
    daysAgo: 21,
    history: [
      {
        to: "CONTACTED",
        note: "Video call held; scope: DSP-201 + DSP-203 content, English delivery.",
        afterDays: 2,
      },
      {
        to: "PROPOSAL_SENT",
        note: "Proposal and quotation sent (7 days, 8 trainees).",
        afterDays: 6,
      },
    ],
  },
  {
    kind: "CUSTOM_TRAINING",
    company: "인천바이오씨디엠오",
    contactName: "안서윤",
    email: "seoyun.ahn@icbcdmo.example",
    phone: "032-719-3350",
    topic: "기술이전 대비 ÄKTA 운전 및 UNICORN 방법 작성 교육",
    headcount: 10,
    preferredDates: "다음 달 초",
    message:
      "고객사 기술이전을 앞두고 DSP 운영팀 10명에게 ÄKTA avant 운전과 UNICORN 방법 작성 교육이 필요합니다. 당사 공정 조건으로 실습할 수 있을지 문의드립니다.",
    locale: "ko",
    daysAgo: 34,
    history: [
      {
        to: "CONTACTED",
        note: "요청 공정 조건 검토. 비공개 실습 데이터 취급 동의서 필요.",
        afterDays: 1,
      },
      { to: "PROPOSAL_SENT", note: "3일 과정 제안서 및 견적 발송.", afterDays: 5 },
      { to: "SCHEDULED", note: "일정 확정: 다운스트림 실습실, 3일. 강사 김지현.", afterDays: 12 },
    ],
  },
  {
    kind: "PILOT_PROCESS",
    company: "청라셀텍",
    contactName: "남궁현",
    email: "hyun.namgung@cheongnacell.example",
    phone: "010-3390-5512",
    topic: "CAR-T 폐쇄형 공정 파일럿 런 지원",
    headcount: 2,
    message:
      "임상 진입 전 폐쇄형 세포 처리 시스템으로 CAR-T 공정을 2회 시험 운전하고 싶습니다. 클린룸 사용 가능 기간과 비용을 알려 주세요.",
    locale: "ko",
    daysAgo: 58,
    history: [
      { to: "CONTACTED", note: "클린룸 가용 일정 안내.", afterDays: 2 },
      {
        to: "CLOSED",
        note: "요청사의 임상 일정 변경으로 내년 상반기로 연기. 요청자와 합의 후 종료.",
        afterDays: 15,
      },
    ],
  },
  {
    kind: "CUSTOM_TRAINING",
    company: "송도바이오산업진흥원",
    contactName: "백승연",
    email: "seungyeon.baek@sbpa.example",
    topic: "지역 청년 구직자 대상 바이오공정 입문 과정 (위탁 교육)",
    headcount: 24,
    preferredDates: "하반기, 주 1회 4주",
    message:
      "진흥원 인력양성 사업으로 지역 청년 구직자 24명을 위한 바이오공정 입문 과정을 위탁하고자 합니다. 이론과 실습 비율, 수료 기준에 대해 상의드리고 싶습니다.",
    locale: "ko",
    daysAgo: 5,
    history: [{ to: "CONTACTED", note: "사업 예산 범위 확인 후 제안서 작성 예정.", afterDays: 1 }],
  },
];
