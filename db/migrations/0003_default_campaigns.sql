-- The two default campaigns of R-PROMO-1; operators may edit or end them afterwards.
INSERT INTO "campaigns" ("code", "name", "editions", "min_months", "max_months", "applies_new", "applies_renewal", "rate", "first_purchase_only", "once_per_account", "starts_at", "ends_at", "refundable", "created_at", "updated_at")
VALUES
  ('first_purchase', '首购 1 折 · First purchase 90% off', ARRAY['pro','ultimate'], 1, 1, true, false, 0.1000, true, true, '2000-01-01T00:00:00+08:00', NULL, false, '2000-01-01T00:00:00+08:00', '2000-01-01T00:00:00+08:00'),
  ('ultimate_annual', '旗舰版包年 7.5 折 · Ultimate annual 25% off', ARRAY['ultimate'], 12, 24, true, true, 0.7500, false, false, '2000-01-01T00:00:00+08:00', NULL, true, '2000-01-01T00:00:00+08:00', '2000-01-01T00:00:00+08:00')
ON CONFLICT ("code") DO NOTHING;
