-- The seeded purposes' recipients text (0003: 税务机关, 开户银行, 代发银行 …) predates the recipients
-- list (0018), whose names the 告知同意书 prints. Saving such a purpose through the list rewrites the
-- text to the list's names, which changes its notice hash: the first save of an unchanged purpose
-- made a new version and asked everyone who had consented again. Here the text of each current
-- version that no consent refers to yet takes the list's names (in print order); a version a consent
-- was given for keeps its text, because the consent's stored notice hash was computed from it.
UPDATE purposes
SET recipients_zh = (
        SELECT group_concat(name_zh, '、') FROM (
            SELECT r.name_zh FROM purpose_recipients pr JOIN recipients r ON r.id = pr.recipient_id
            WHERE pr.purpose_code = purposes.code AND r.active = 1 ORDER BY pr.position, pr.recipient_id
        )
    ),
    recipients_en = (
        SELECT group_concat(name_en, ', ') FROM (
            SELECT r.name_en FROM purpose_recipients pr JOIN recipients r ON r.id = pr.recipient_id
            WHERE pr.purpose_code = purposes.code AND r.active = 1 ORDER BY pr.position, pr.recipient_id
        )
    )
WHERE current = 1
  AND EXISTS (
        SELECT 1 FROM purpose_recipients pr JOIN recipients r ON r.id = pr.recipient_id
        WHERE pr.purpose_code = purposes.code AND r.active = 1
  )
  AND NOT EXISTS (SELECT 1 FROM consents c WHERE c.purpose_id = purposes.id);
