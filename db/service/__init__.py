"""Service recovery: complaints, compensation, vouchers, follow-ups, drafts."""
