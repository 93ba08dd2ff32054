-- A drawn lot signature (施工自检, 验收签认) and the 质监站's 监督记录 are never edited or
-- deleted, like the final acceptance's signatures (decision 0016, 0019).
CREATE TRIGGER "LotSignature_no_update" BEFORE UPDATE ON "LotSignature"
BEGIN
  SELECT RAISE(ABORT, 'LotSignature is immutable');
END;

CREATE TRIGGER "LotSignature_no_delete" BEFORE DELETE ON "LotSignature"
BEGIN
  SELECT RAISE(ABORT, 'LotSignature is immutable');
END;

CREATE TRIGGER "AcceptanceSupervision_no_update" BEFORE UPDATE ON "AcceptanceSupervision"
BEGIN
  SELECT RAISE(ABORT, 'AcceptanceSupervision is immutable');
END;

CREATE TRIGGER "AcceptanceSupervision_no_delete" BEFORE DELETE ON "AcceptanceSupervision"
BEGIN
  SELECT RAISE(ABORT, 'AcceptanceSupervision is immutable');
END;
