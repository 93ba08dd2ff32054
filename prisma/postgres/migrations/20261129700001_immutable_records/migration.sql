-- PostgreSQL equivalents of the SQLite triggers that make signed records immutable
-- (20261123040000_audit_append_only, 20261123230000_final_acceptance, 20261129500000_fund_supervision).
-- Same conditions and messages; PostgreSQL trigger WHEN clauses cannot hold subqueries, so those
-- conditions sit in the functions.

CREATE FUNCTION "yanshou_refuse"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END;
$$;

-- The audit chain is append-only: no code path may update or delete an event.
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('AuditEvent is append-only');
CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('AuditEvent is append-only');

CREATE TRIGGER "FinalAcceptance_concluded_immutable" BEFORE UPDATE ON "FinalAcceptance"
FOR EACH ROW WHEN (OLD."status" IN ('passed', 'failed'))
EXECUTE FUNCTION "yanshou_refuse"('concluded FinalAcceptance is immutable');
CREATE TRIGGER "FinalAcceptance_no_delete" BEFORE DELETE ON "FinalAcceptance"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('FinalAcceptance cannot be deleted');

CREATE FUNCTION "AcceptanceParticipant_concluded_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT "status" FROM "FinalAcceptance" WHERE "id" = OLD."acceptanceId") IN ('passed', 'failed') THEN
    RAISE EXCEPTION 'participants of a concluded FinalAcceptance are immutable' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "AcceptanceParticipant_concluded_immutable" BEFORE UPDATE ON "AcceptanceParticipant"
FOR EACH ROW EXECUTE FUNCTION "AcceptanceParticipant_concluded_immutable"();

CREATE TRIGGER "Signature_no_update" BEFORE UPDATE ON "Signature"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('Signature is immutable');
CREATE TRIGGER "Signature_no_delete" BEFORE DELETE ON "Signature"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('Signature is immutable');

-- An approved payment never changes: only approved -> paid (recording the voucher) and
-- approved|paid -> reversed (a new signed entry) are allowed, and nothing certified moves.
CREATE TRIGGER "PaymentApplication_approved_immutable" BEFORE UPDATE ON "PaymentApplication"
FOR EACH ROW WHEN (OLD."status" IN ('approved', 'paid', 'reversed') AND (
  OLD."status" = 'reversed'
  OR NEW."status" NOT IN ('paid', 'reversed')
  OR (OLD."status" = 'paid' AND NEW."status" <> 'reversed')
  OR NEW."grossFen" IS DISTINCT FROM OLD."grossFen"
  OR NEW."retentionFen" IS DISTINCT FROM OLD."retentionFen"
  OR NEW."netFen" IS DISTINCT FROM OLD."netFen"
  OR NEW."contentHash" IS DISTINCT FROM OLD."contentHash"
  OR NEW."contractId" IS DISTINCT FROM OLD."contractId"
  OR NEW."number" IS DISTINCT FROM OLD."number"
  OR NEW."seq" IS DISTINCT FROM OLD."seq"
  OR NEW."period" IS DISTINCT FROM OLD."period"
  OR NEW."appliedById" IS DISTINCT FROM OLD."appliedById"
  OR NEW."appliedAt" IS DISTINCT FROM OLD."appliedAt"
  OR (OLD."status" = 'paid' AND (
    NEW."paidSource" IS DISTINCT FROM OLD."paidSource"
    OR NEW."voucherNo" IS DISTINCT FROM OLD."voucherNo"
    OR NEW."paidAt" IS DISTINCT FROM OLD."paidAt"))
))
EXECUTE FUNCTION "yanshou_refuse"('approved PaymentApplication is immutable');
CREATE TRIGGER "PaymentApplication_no_delete" BEFORE DELETE ON "PaymentApplication"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('PaymentApplication cannot be deleted');

CREATE FUNCTION "PaymentLine_approved_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT "status" FROM "PaymentApplication" WHERE "id" = OLD."applicationId") IN ('approved', 'paid', 'reversed') THEN
    RAISE EXCEPTION 'lines of an approved PaymentApplication are immutable' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "PaymentLine_approved_immutable" BEFORE UPDATE ON "PaymentLine"
FOR EACH ROW EXECUTE FUNCTION "PaymentLine_approved_immutable"();
CREATE TRIGGER "PaymentLine_no_delete" BEFORE DELETE ON "PaymentLine"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('PaymentLine cannot be deleted');

CREATE TRIGGER "PaymentLineLot_no_update" BEFORE UPDATE ON "PaymentLineLot"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('PaymentLineLot is immutable');
CREATE TRIGGER "PaymentLineLot_no_delete" BEFORE DELETE ON "PaymentLineLot"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('PaymentLineLot is immutable');

CREATE TRIGGER "PaymentSignature_no_update" BEFORE UPDATE ON "PaymentSignature"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('PaymentSignature is immutable');
CREATE TRIGGER "PaymentSignature_no_delete" BEFORE DELETE ON "PaymentSignature"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('PaymentSignature is immutable');

-- A bill item measured on any application keeps its quantity and price.
CREATE FUNCTION "BillItem_used_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "PaymentLine" WHERE "billItemId" = OLD."id") THEN
    RAISE EXCEPTION 'BillItem on a payment is immutable' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "BillItem_used_immutable" BEFORE UPDATE ON "BillItem"
FOR EACH ROW EXECUTE FUNCTION "BillItem_used_immutable"();
