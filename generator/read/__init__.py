"""Reading: YAML with positions -> problems in plain words -> checks -> one frozen Project."""
