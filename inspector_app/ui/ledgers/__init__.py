"""The 台账 module: the seven township ledgers, the township's own records, the quarter's close,
export and figures (issue 13). The screen is :class:`.screen.LedgersWidget`."""
