import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { PageHeader } from "~/components/page-header";
import { db } from "~/infra/db.server";
import { parseForm } from "~/infra/forms";
import { parseCalendarDay } from "~/infra/zod-zh";
import { notFound, requireUser } from "~/modules/auth/require-user.server";
import { createLot, resolvePlace } from "~/modules/lot/create.server";
import { LotError } from "~/modules/lot/lots.server";

const PlaceQuery = z.object({
  workType: z.string().min(1),
  placeKind: z.enum(["stairwell", "building", "zone"]),
  placeId: z.string().min(1),
});

const optionalDate = z
  .string()
  .optional()
  .transform((v) => (v ? (parseCalendarDay(v) ?? new Date(Number.NaN)) : null))
  .refine((d) => d === null || !Number.isNaN(d.getTime()), "日期格式不正确");

const CreateSchema = PlaceQuery.extend({
  contractorOrgId: z.string().optional(),
  capacity: z
    .string()
    .optional()
    .transform((v) => (v?.trim() ? (/^\d+$/.test(v.trim()) ? Number(v) : Number.NaN) : null))
    .refine(
      (n) => n === null || (Number.isInteger(n) && n > 0 && n <= 100_000),
      "检验批容量须为正整数",
    ),
  capacityUnit: z
    .string()
    .max(10, "单位过长")
    .optional()
    .transform((v) => v?.trim() || null),
  plannedStart: optionalDate,
  plannedEnd: optionalDate,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireUser(request, "lot.create");
  const query = PlaceQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) notFound("place");
  const place = await resolvePlace(
    db(),
    { kind: query.data.placeKind, id: query.data.placeId },
    user,
    scope,
  );
  const workType = await db().workType.findUnique({
    where: { code: query.data.workType },
    select: { code: true, nameZh: true, lotDivision: true },
  });
  if (!place || !workType) notFound("place");
  const contracts = await db().contract.findMany({
    where: { compoundId: place.compoundId },
    select: { name: true, contractor: { select: { id: true, name: true } } },
  });
  return {
    query: query.data,
    place,
    workType,
    contractors:
      user.role === "contractor"
        ? []
        : contracts.map((c) => ({
            id: c.contractor.id,
            label: `${c.name} · ${c.contractor.name}`,
          })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, scope } = await requireUser(request, "lot.create");
  const parsed = parseForm(CreateSchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, message: null }, { status: 400 });
  const input = parsed.data;
  try {
    const lot = await createLot(db(), user, scope, {
      workTypeCode: input.workType,
      place: { kind: input.placeKind, id: input.placeId },
      contractorOrgId: input.contractorOrgId,
      capacity: input.capacity,
      capacityUnit: input.capacityUnit,
      plannedStart: input.plannedStart,
      plannedEnd: input.plannedEnd,
    });
    return redirect(`/lots/${lot.id}`);
  } catch (error) {
    if (error instanceof LotError)
      return data({ errors: {}, message: error.message }, { status: error.status });
    throw error;
  }
}

export default function NewLot() {
  const { query, place, workType, contractors } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <PageHeader title="新建检验批" subtitle={`${workType.nameZh} · ${place.label}`} />
      <p className="muted">检验批划分：{workType.lotDivision}</p>
      <Form method="post" className="panel form-narrow">
        <input type="hidden" name="workType" value={query.workType} />
        <input type="hidden" name="placeKind" value={query.placeKind} />
        <input type="hidden" name="placeId" value={query.placeId} />
        {contractors.length > 0 ? (
          <label className="field">
            <span>施工单位</span>
            <select name="contractorOrgId" defaultValue={contractors[0]?.id}>
              {contractors.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <div className="field-row">
          <label className="field">
            <span>检验批容量</span>
            <input
              name="capacity"
              inputMode="numeric"
              aria-invalid={errors.capacity ? true : undefined}
            />
            {errors.capacity ? <em className="field-error">{errors.capacity}</em> : null}
          </label>
          <label className="field">
            <span>单位</span>
            <input name="capacityUnit" placeholder="跑、m、m²、套…" />
          </label>
        </div>
        <div className="field-row">
          <label className="field">
            <span>计划开始</span>
            <input type="date" name="plannedStart" />
          </label>
          <label className="field">
            <span>计划完成</span>
            <input type="date" name="plannedEnd" />
          </label>
        </div>
        {result?.message ? (
          <p className="alert alert-error" role="alert">
            {result.message}
          </p>
        ) : null}
        <button className="button button-primary" type="submit" disabled={busy}>
          新建并开始检查
        </button>
      </Form>
    </>
  );
}
