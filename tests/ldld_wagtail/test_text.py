from ldld_wagtail.text import exact_tokens, fold, folded_tokens, token_string


def test_fold_strips_every_vietnamese_mark_and_d_stroke():
    assert fold("Công Đoàn cơ sở") == "cong doan co so"
    assert fold("Liên đoàn Lao động tỉnh Lào Cai") == "lien doan lao dong tinh lao cai"
    assert fold("ẮẰẲẴẶ ỮỰ") == "aaaaa uu"


def test_tokens_keep_accents_only_in_exact_form():
    assert exact_tokens("Bán, bàn và BAN") == ["bán", "bàn", "và", "ban"]
    assert folded_tokens("Bán, bàn và BAN") == ["ban", "ban", "va", "ban"]


def test_decomposed_input_is_normalised():
    decomposed = "Co\u0302ng"  # "Công" typed with a combining circumflex
    assert exact_tokens(decomposed) == ["công"]
    assert token_string(["a", "b"]) == " a b "
