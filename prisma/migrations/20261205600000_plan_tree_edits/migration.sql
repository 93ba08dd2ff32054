-- A 分项 added by the supervisor names the work type whose lots record it (decision 0019 addendum)
ALTER TABLE "PlanSubItem" ADD COLUMN "workTypeCode" TEXT;
