"""A tiny random Qwen2-architecture model and a tokenizer built in the test (no download), and a
trimmed copy of a venus-mini problem whose references are cheap to count.

The tokenizer's vocabulary holds a few whole answers as single tokens (real reference solutions
of a venus-mini problem in a fenced block, and a wrong one), so even random weights sample answers
that the sandbox judges differently: GRPO then sees rewards that vary within a group and has a
gradient to follow. Every other word of a prompt is the unknown token.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from afterburner.datasets.bundled import bundled_root
from afterburner.datasets.model import Problem

CHAT_TEMPLATE = (
    "{% for message in messages %}<|im_start|>{{ message['role'] }}\n{{ message['content'] }}<|im_end|>\n"
    "{% endfor %}{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
SPECIAL = ["<unk>", "<pad>", "<|im_start|>", "<|im_end|>"]
WORDS = ["user", "assistant", "the", "code", "is"]


def answers(problem: Problem) -> list[str]:
    """Fenced answers the tiny model can sample: three python references, and the starter (it fails)."""
    codes = [s.code.rstrip() for s in problem.solutions_in("python")[:3]]
    codes.append(problem.starters["python"].rstrip())
    return [f"```python\n{code}\n```" for code in codes]


def build_tiny_model(folder: Path, problem: Problem) -> Path:
    """Save a 1-layer, 16-wide Qwen2 model and its tokenizer to `folder`; returns the folder."""
    import torch
    from tokenizers import AddedToken, Tokenizer, models, pre_tokenizers
    from transformers import PreTrainedTokenizerFast, Qwen2Config, Qwen2ForCausalLM

    vocab = {token: i for i, token in enumerate([*SPECIAL, *WORDS])}
    core = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    core.pre_tokenizer = pre_tokenizers.Whitespace()
    core.add_special_tokens([AddedToken(t, special=True, normalized=False) for t in SPECIAL[1:]])
    core.add_tokens([AddedToken(a, special=False, normalized=False) for a in answers(problem)])
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=core, unk_token="<unk>", pad_token="<pad>", eos_token="<|im_end|>", bos_token=None
    )
    tokenizer.chat_template = CHAT_TEMPLATE
    torch.manual_seed(0)
    config = Qwen2Config(
        vocab_size=len(tokenizer),
        hidden_size=16,
        intermediate_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        num_key_value_heads=1,
        max_position_embeddings=4096,
        tie_word_embeddings=True,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=None,
    )
    model = Qwen2ForCausalLM(config)
    model.generation_config.eos_token_id = tokenizer.eos_token_id
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    folder.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def trimmed_dataset(root: Path) -> Path:
    """A dataset folder holding a copy of problem 4 (id "4") with only its naive and optimal Python
    references and inputs of at most 120 numbers, so that counting its references' instructions
    under QEMU takes seconds, not minutes; naive still executes far more instructions than optimal."""
    problem = shutil.copytree(bundled_root() / "004-maximum-subarray-sum", root / "004-maximum-subarray-sum")
    for path in (problem / "solutions" / "python").iterdir():
        if path.stem not in ("naive", "optimal"):
            path.unlink()
    generator = problem / "generator.py"
    generator.write_text(re.sub(r"^MAX_N = \d+$", "MAX_N = 120", generator.read_text(), flags=re.MULTILINE))
    return root
