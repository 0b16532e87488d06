"""Training data and training above the optimization loop: SFT/DPO/GRPO sets from measured solutions.

Kept import-free: `datasets` (Hugging Face) and the trainers load only when a command needs them.
"""
