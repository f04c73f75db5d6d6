CONFIDENCE: dict[str, float] = {}
