import type { RoomKind } from "@/lib/generated/prisma/enums";

/** Equipment kinds as stored in `equipment.kind`; courses ask for units of a kind. */
export type EquipmentKind =
  | "chromatography"
  | "bioreactor-stirred-tank"
  | "bioreactor-single-use"
  | "bioreactor-rocking"
  | "tff"
  | "virus-filtration"
  | "hplc"
  | "bioanalyzer"
  | "metabolite-analyzer"
  | "plate-reader"
  | "spectrophotometer"
  | "cell-counter"
  | "biosafety-cabinet"
  | "cell-processing-system";

export type RoomSeed = {
  code: string;
  nameKo: string;
  nameEn: string;
  kind: RoomKind;
  capacity: number;
  floor: string;
};

export type EquipmentSeed = {
  code: string;
  nameKo: string;
  nameEn: string;
  kind: EquipmentKind;
  roomCode: string;
};

export const ROOMS: readonly RoomSeed[] = [
  {
    code: "LAB-USP",
    nameKo: "업스트림 실습실",
    nameEn: "Upstream Lab",
    kind: "LAB",
    capacity: 12,
    floor: "2F",
  },
  {
    code: "LAB-DSP",
    nameKo: "다운스트림 실습실",
    nameEn: "Downstream Lab",
    kind: "LAB",
    capacity: 12,
    floor: "2F",
  },
  {
    code: "LAB-CT",
    nameKo: "세포치료 실습실 (클린룸)",
    nameEn: "Cell Therapy Lab (clean room)",
    kind: "LAB",
    capacity: 8,
    floor: "3F",
  },
  {
    code: "LAB-ANA",
    nameKo: "분석 실습실",
    nameEn: "Analytics Lab",
    kind: "LAB",
    capacity: 12,
    floor: "3F",
  },
  {
    code: "LR-A",
    nameKo: "강의실 A",
    nameEn: "Lecture Room A",
    kind: "CLASSROOM",
    capacity: 30,
    floor: "1F",
  },
  {
    code: "LR-B",
    nameKo: "강의실 B",
    nameEn: "Lecture Room B",
    kind: "CLASSROOM",
    capacity: 24,
    floor: "1F",
  },
];

function units(
  prefix: string,
  count: number,
  kind: EquipmentKind,
  roomCode: string,
  nameKo: string,
  nameEn: string,
): EquipmentSeed[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(2, "0");
    return {
      code: `${prefix}-${n}`,
      nameKo: `${nameKo} #${n}`,
      nameEn: `${nameEn} #${n}`,
      kind,
      roomCode,
    };
  });
}

export const EQUIPMENT: readonly EquipmentSeed[] = [
  // Upstream Lab: bench-scale stirred tanks (the center trains at 2–5 L), single-use and rocking bioreactors.
  ...units(
    "STR-2L",
    4,
    "bioreactor-stirred-tank",
    "LAB-USP",
    "교반식 생물반응기 2 L",
    "Stirred-tank bioreactor 2 L",
  ),
  ...units(
    "STR-5L",
    2,
    "bioreactor-stirred-tank",
    "LAB-USP",
    "교반식 생물반응기 5 L",
    "Stirred-tank bioreactor 5 L",
  ),
  ...units(
    "SUB-50L",
    1,
    "bioreactor-single-use",
    "LAB-USP",
    "일회용 생물반응기 SUB 50 L",
    "Single-use bioreactor SUB 50 L",
  ),
  ...units(
    "RKB-10L",
    2,
    "bioreactor-rocking",
    "LAB-USP",
    "락킹 생물반응기 10 L",
    "Rocking bioreactor 10 L",
  ),
  ...units("CNT-USP", 1, "cell-counter", "LAB-USP", "자동 세포 계수기", "Automated cell counter"),
  ...units("BSC-USP", 2, "biosafety-cabinet", "LAB-USP", "생물안전작업대", "Biosafety cabinet"),
  // Downstream Lab: chromatography, membrane filtration.
  ...units(
    "AKTA-PURE",
    3,
    "chromatography",
    "LAB-DSP",
    "ÄKTA pure 25 크로마토그래피 시스템",
    "ÄKTA pure 25 chromatography system",
  ),
  ...units(
    "AKTA-AVANT",
    1,
    "chromatography",
    "LAB-DSP",
    "ÄKTA avant 150 크로마토그래피 시스템",
    "ÄKTA avant 150 chromatography system",
  ),
  ...units(
    "TFF",
    2,
    "tff",
    "LAB-DSP",
    "접선유동여과(TFF) 시스템",
    "Tangential-flow filtration (TFF) system",
  ),
  ...units(
    "VF-RIG",
    1,
    "virus-filtration",
    "LAB-DSP",
    "바이러스 여과 장치",
    "Virus filtration rig",
  ),
  // Cell Therapy Lab (grade B clean room with grade A cabinets).
  ...units(
    "BSC-CT",
    2,
    "biosafety-cabinet",
    "LAB-CT",
    "클린룸 생물안전작업대",
    "Clean-room biosafety cabinet",
  ),
  ...units(
    "CPS",
    1,
    "cell-processing-system",
    "LAB-CT",
    "폐쇄형 세포 처리 시스템",
    "Closed cell-processing system",
  ),
  ...units("CNT-CT", 1, "cell-counter", "LAB-CT", "자동 세포 계수기", "Automated cell counter"),
  // Analytics Lab.
  ...units("HPLC", 2, "hplc", "LAB-ANA", "HPLC 시스템", "HPLC system"),
  ...units(
    "BIOANALYZER",
    1,
    "bioanalyzer",
    "LAB-ANA",
    "바이오분석기 (모세관 전기영동)",
    "Bioanalyzer (capillary electrophoresis)",
  ),
  ...units("METAB", 1, "metabolite-analyzer", "LAB-ANA", "대사체 분석기", "Metabolite analyser"),
  ...units(
    "PLATE-READER",
    1,
    "plate-reader",
    "LAB-ANA",
    "마이크로플레이트 리더",
    "Microplate reader",
  ),
  ...units(
    "UVVIS",
    2,
    "spectrophotometer",
    "LAB-ANA",
    "UV-Vis 분광광도계",
    "UV-Vis spectrophotometer",
  ),
];
