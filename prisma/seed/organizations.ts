import type { OrganizationType } from "@/lib/generated/prisma/enums";

export type OrganizationSeed = {
  /** internal handle used by the other seed modules */
  key: string;
  name: string;
  nameEn: string;
  type: OrganizationType;
  /** e-mail domain of its people (all under .example: the seed must never mail a real inbox) */
  domain: string;
  partner?: { startsOn: string; endsOn: string };
};

/** The four partner universities named in the design, then fictional companies and a public body. */
export const ORGANIZATIONS: readonly OrganizationSeed[] = [
  {
    key: "kopo",
    name: "한국폴리텍대학 바이오캠퍼스",
    nameEn: "Korea Polytechnic Bio Campus",
    type: "UNIVERSITY",
    domain: "kopo-bio.example",
    partner: { startsOn: "2017-03-01", endsOn: "2027-02-28" },
  },
  {
    key: "snu",
    name: "서울대학교",
    nameEn: "Seoul National University",
    type: "UNIVERSITY",
    domain: "snu.example",
    partner: { startsOn: "2018-09-01", endsOn: "2028-08-31" },
  },
  {
    key: "inha",
    name: "인하대학교",
    nameEn: "Inha University",
    type: "UNIVERSITY",
    domain: "inha.example",
    partner: { startsOn: "2019-03-01", endsOn: "2027-02-28" },
  },
  {
    key: "jeiu",
    name: "인천재능대학교",
    nameEn: "Incheon Jaeneung University",
    type: "UNIVERSITY",
    domain: "jeiu.example",
    partner: { startsOn: "2020-03-01", endsOn: "2026-12-31" },
  },
  {
    key: "songdo-bio",
    name: "송도바이오로직스",
    nameEn: "Songdo Biologics",
    type: "COMPANY",
    domain: "songdobio.example",
  },
  {
    key: "hanul",
    name: "한울바이오테라퓨틱스",
    nameEn: "Hanul Biotherapeutics",
    type: "COMPANY",
    domain: "hanulbio.example",
  },
  {
    key: "seohae",
    name: "서해바이오파마",
    nameEn: "Seohae BioPharma",
    type: "COMPANY",
    domain: "seohaepharma.example",
  },
  {
    key: "incheon-cdmo",
    name: "인천바이오씨디엠오",
    nameEn: "Incheon Bio CDMO",
    type: "COMPANY",
    domain: "icbcdmo.example",
  },
  {
    key: "cheongna-cell",
    name: "청라셀텍",
    nameEn: "Cheongna CellTech",
    type: "STARTUP",
    domain: "cheongnacell.example",
  },
  {
    key: "mirgen",
    name: "미르젠바이오",
    nameEn: "Mirgen Bio",
    type: "STARTUP",
    domain: "mirgen.example",
  },
  {
    key: "bio-agency",
    name: "송도바이오산업진흥원",
    nameEn: "Songdo Bioindustry Promotion Agency",
    type: "PUBLIC_BODY",
    domain: "sbpa.example",
  },
];
