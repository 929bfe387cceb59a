import { HomeAudiences } from "@/components/site/home/audiences";
import { HomeCtaBand } from "@/components/site/home/cta-band";
import { HomeFacility } from "@/components/site/home/facility";
import { HomeHero } from "@/components/site/home/hero";
import { HomeStats } from "@/components/site/home/stats";
import { HomeSteps } from "@/components/site/home/steps";
import { HomeTopics } from "@/components/site/home/topics";

/** The home page's bands in reading order; the page and its test render this one list. */
export function HomeBands() {
  return (
    <>
      <HomeHero />
      <HomeStats />
      <HomeTopics />
      <HomeFacility />
      <HomeAudiences />
      <HomeSteps />
      <HomeCtaBand />
    </>
  );
}
