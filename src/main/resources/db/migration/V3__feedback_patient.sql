-- Feedback carries the patient hash and card type of the card it is about (copied from issued_card when it arrives),
-- so the suppression check is one indexed lookup instead of a join over every card ever issued for the patient.
ALTER TABLE feedback ADD COLUMN patient_hash VARCHAR(64);
ALTER TABLE feedback ADD COLUMN card_type VARCHAR(64);
CREATE INDEX feedback_patient ON feedback (patient_hash, card_type, outcome_timestamp);
