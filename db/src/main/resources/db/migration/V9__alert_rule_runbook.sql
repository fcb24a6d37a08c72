-- Where a rule's recipients read what to do when it fires: an http(s) URL, shown in its emails. Optional.
ALTER TABLE alert_rule ADD COLUMN runbook text;
