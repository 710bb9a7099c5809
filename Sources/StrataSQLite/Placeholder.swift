// Placeholder so the target builds while it is being written; remove when the target has real sources.
