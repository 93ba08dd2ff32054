import type { Crumb } from "~/components/page-header";

type CompoundRef = { id: string; name: string; project: { id: string; name: string } };

/** The crumbs above a place inside a compound: its project, then its compound. */
export function compoundCrumbs(compound: CompoundRef): Crumb[] {
  return [
    { to: `/projects/${compound.project.id}`, label: compound.project.name, data: true },
    { to: `/compounds/${compound.id}`, label: compound.name, data: true },
  ];
}
