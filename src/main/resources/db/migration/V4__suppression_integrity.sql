-- Issue 15 (finding 3) and issue 12 (item 6).
-- Who a card was issued to: feedback on it is accepted only from the same caller (issuer and tenant of the verified JWT;
-- both empty when client authentication is off) and to the same service.
ALTER TABLE issued_card ADD COLUMN issuer VARCHAR(300);
ALTER TABLE issued_card ADD COLUMN tenant VARCHAR(200);
-- Retention: issued cards and feedback are purged by age (cds.feedback.card-retention-days, cds.feedback.retention-days).
CREATE INDEX issued_card_time ON issued_card (issued_at);
CREATE INDEX feedback_received ON feedback (received_at);
-- An operator may end a suppression early (actuator endpoint "suppression"). The feedback row stays for the feedback
-- report; from cleared_at on it no longer quiets the card.
ALTER TABLE feedback ADD COLUMN cleared_at TIMESTAMP WITH TIME ZONE;
