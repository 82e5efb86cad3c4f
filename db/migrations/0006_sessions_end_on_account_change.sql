-- Sessions end when the account changes under them: a new password, a new role, or being
-- disabled or re-enabled ends every earlier session, whichever code path made the change.
CREATE TRIGGER sessions_end_on_account_change AFTER UPDATE OF password_hash, role, disabled_at ON users
WHEN old.password_hash IS NOT new.password_hash OR old.role IS NOT new.role OR old.disabled_at IS NOT new.disabled_at
BEGIN
  UPDATE sessions SET ended_at = cast(unixepoch('subsec') * 1000 as integer), end_reason = 'account-changed'
  WHERE user_id = new.id AND ended_at IS NULL;
END;
