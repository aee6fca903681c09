-- JWT ids already accepted (CDS Hooks best practice: reject a jti seen before). Shared by all replicas: a replayed
-- token is refused whichever replica it reaches, because the second INSERT of the same key fails.
-- jti_hash is SHA-256 of issuer and jti (fixed width; the jti itself is not needed). Rows are kept until the token
-- expires (plus clock skew) and then purged.
CREATE TABLE jwt_replay (
  jti_hash    VARCHAR(64)  NOT NULL PRIMARY KEY,
  issuer      VARCHAR(300) NOT NULL,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX jwt_replay_expiry ON jwt_replay (expires_at);
