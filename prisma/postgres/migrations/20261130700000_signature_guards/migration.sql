-- Hand-written PostgreSQL form of:
-- sqlite: 20261130700000_signature_guards

CREATE TRIGGER "LotSignature_no_update" BEFORE UPDATE ON "LotSignature"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('LotSignature is immutable');
CREATE TRIGGER "LotSignature_no_delete" BEFORE DELETE ON "LotSignature"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('LotSignature is immutable');

CREATE TRIGGER "AcceptanceSupervision_no_update" BEFORE UPDATE ON "AcceptanceSupervision"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('AcceptanceSupervision is immutable');
CREATE TRIGGER "AcceptanceSupervision_no_delete" BEFORE DELETE ON "AcceptanceSupervision"
FOR EACH ROW EXECUTE FUNCTION "yanshou_refuse"('AcceptanceSupervision is immutable');
