"""One project file per client: reading it, what each command takes from it, the starter file."""

from __future__ import annotations

import shlex
import tomllib

import pytest
from conftest import blogscout
from projectdb import build_project_db
from test_user_errors import run

from crawler.errors import InputError, OutputError
from crawler.services.config import (
    MAX_CONFIG,
    ConfigError,
    defaults_for,
    load_config,
    starter_config,
    toml_string,
    write_starter,
)
from crawler.services.drafts import load_templates


def write(tmp_path, text):
    path = tmp_path / "kunde-a.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_load_config_resolves_paths_next_to_the_file(tmp_path):
    path = write(
        tmp_path,
        'seeds = ["https://a.de/"]\nseeds_file = "seeds.txt"\ntopic = "seo"\nlanguages = ["de", "en"]\n'
        'database = "data/k.db"\nexport_folder = "exports"\nexclude = "alt.txt"\n[weights]\nactivity = 0.5\n',
    )
    config = load_config(path)
    assert config.seeds == ["https://a.de/"] and config.seed_files == [str(tmp_path / "seeds.txt")]
    assert config.database == str(tmp_path / "data/k.db") and config.languages == "de,en"
    assert config.weights == {"activity": 0.5} and config.exclude_files == [str(tmp_path / "alt.txt")]


def test_defaults_for_each_command(tmp_path):
    config = load_config(write(tmp_path, 'topic = "seo"\ndatabase = "k.db"\nexport_folder = "x"\nme = "me.de"\n'))
    assert defaults_for(config, "rank") == {
        "db": str(tmp_path / "k.db"),
        "topic": "seo",
        "me": "me.de",
        "out": str(tmp_path / "x" / "partners.csv"),
    }
    assert defaults_for(config, "drafts")["out"] == str(tmp_path / "x" / "drafts")
    assert defaults_for(config, "add") == {"db": str(tmp_path / "k.db"), "topic": "seo", "out_dir": str(tmp_path / "x")}


@pytest.mark.parametrize(
    "text, message",
    [
        ("sedes = []", "unknown key 'sedes'"),
        ("topic = 3", "'topic' must be a text"),
        ("seeds = [1, 2]", "'seeds' must be a text or a list"),
        ("topic = ", "not valid TOML"),
    ],
)
def test_load_config_refuses_bad_files(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        load_config(write(tmp_path, text))


def test_starter_config_is_valid_and_loads(tmp_path):
    assert tomllib.loads(starter_config("kunde-a"))["database"] == "data/kunde-a.db"
    path = write_starter("kunde-a", tmp_path).path
    assert load_config(path).topic and (tmp_path / "exports").is_dir()


def test_write_starter_never_replaces(tmp_path):
    path = write_starter("kunde-a", tmp_path).path
    path.write_text("# meine Notizen\n", encoding="utf-8")
    (tmp_path / "kunde-a.anfrage.de.txt").unlink()
    with pytest.raises(Exception, match="exists already"):
        write_starter("kunde-a.toml", tmp_path)
    assert path.read_text(encoding="utf-8") == "# meine Notizen\n"
    assert not (tmp_path / "kunde-a.anfrage.de.txt").exists()  # nothing written when the project file exists


def test_write_starter_writes_a_template_per_language(tmp_path):
    starter = write_starter("kunde-a", tmp_path)
    assert [p.name for p in starter.templates] == ["kunde-a.anfrage.de.txt", "kunde-a.anfrage.txt"]
    templates = load_templates(tmp_path / "kunde-a.anfrage.txt")
    assert list(templates.languages) == ["de"] and templates.pick("de").language == "de"
    assert templates.pick("en").language == "en" and templates.pick("fr") is templates.pick("")
    assert "--template kunde-a.anfrage.txt" in starter.path.read_text(encoding="utf-8")


def test_write_starter_keeps_an_existing_template(tmp_path):
    mine = tmp_path / "kunde-a.anfrage.txt"
    mine.write_text("Subject: meine Vorlage\n\nText", encoding="utf-8")
    starter = write_starter("kunde-a", tmp_path)
    assert starter.kept == [mine] and [p.name for p in starter.templates] == ["kunde-a.anfrage.de.txt"]
    assert mine.read_text(encoding="utf-8") == "Subject: meine Vorlage\n\nText"


def test_write_starter_removes_what_it_wrote_when_it_fails(tmp_path):
    (tmp_path / "exports").write_text("a file, not a folder", encoding="utf-8")
    with pytest.raises(OutputError, match=r"exports: cannot write .*nothing was written"):
        write_starter("kunde-a", tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["exports"]


def test_empty_defaults_for(tmp_path):
    assert defaults_for(load_config(write(tmp_path, "")), "rank") == {}


def test_cli_options_win_over_the_project_file(tmp_path):
    build_project_db(tmp_path / "p.db")
    (tmp_path / "exports").mkdir()
    config = write(tmp_path, 'database = "p.db"\nexport_folder = "exports"\ntopic = "kochen"\n')
    result = blogscout(
        "rank", "--config", str(config), "--top", "0", "--topic", "instagram", "--out", str(tmp_path / "mine.csv")
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "mine.csv").exists() and not (tmp_path / "exports" / "partners.csv").exists()
    assert "instagram" in (tmp_path / "mine.csv").read_text(encoding="utf-8")


def test_cli_bad_project_file_is_one_error_line(tmp_path):
    config = write(tmp_path, "sedes = []\n")
    result = blogscout("rank", "--config", str(config))
    assert result.returncode == 1 and result.stderr.startswith("Error: --config") and result.stderr.count("\n") == 1


def test_cli_init_refuses_to_overwrite(tmp_path):
    first = blogscout("init", "kunde-a", cwd=tmp_path)
    assert first.returncode == 0 and "wrote kunde-a.toml, kunde-a.anfrage.de.txt, kunde-a.anfrage.txt" in first.stderr
    again = blogscout("init", "kunde-a", cwd=tmp_path)
    assert again.returncode == 1 and again.stderr.startswith("Error: kunde-a.toml: exists already")


# -- hostile project files and names ----------------------------------------------------------


def test_load_config_refuses_a_nul_in_the_path(tmp_path):
    with pytest.raises(ConfigError, match=r"--config '.*a\\x00b.toml': not a usable path"):
        load_config(tmp_path / "a\x00b.toml")


def test_cli_nul_in_an_argument_is_one_error_line(tmp_path):
    result = run("rank", "--config", f"{tmp_path}/a\x00b.toml")
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("Error: --config ") and "NUL character" in result.stderr
    assert "\x00" not in result.stderr


def test_cli_error_naming_a_path_with_a_line_break_stays_one_line(tmp_path):
    result = run("rank", "--config", f"{tmp_path}/kunde\nb\x1b[2J.toml")
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("Error: --config ") and "kunde b?[2J.toml: no such file" in result.stderr


@pytest.mark.parametrize(
    "text, message",
    [
        ("a = " + "[" * 2000 + "]" * 2000, "nested too deeply"),
        ("a = " + "1" * 5000, "not valid TOML"),
        ("topic = '" + "x" * (MAX_CONFIG + 10) + "'", "larger than 1024 KB"),
        ("[weights]\nactivity = 1e308", "activity must be a non-negative number up to 100, got 1e+308"),
        ("[weights]\nactivity = inf", "activity must be a non-negative number up to 100, got inf"),
        ("[weights]\nactivity = nan", "got nan"),
        ("[weights]\nrelevance = -1", "got -1"),
        ("[weights]\nlink_kinds = {comment = 101}", "link_kinds.comment must be"),
        ("[weights]\nactivity = " + "9" * 400, "got a number of 40 digits or more"),
    ],
)
def test_cli_hostile_project_file_is_one_error_line(tmp_path, text, message):
    config = write(tmp_path, text)
    result = run("rank", "--config", str(config))
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"Error: --config {config}: ") and message in result.stderr


@pytest.mark.parametrize("value", ["1e308", "Infinity", "NaN", "-0.5", "1" * 5000, "[" * 100_000])
def test_cli_weights_file_out_of_range_is_one_error_line(tmp_path, value):
    build_project_db(tmp_path / "p.db")
    weights = tmp_path / "w.json"
    weights.write_text('{"activity": ' + value + "}", encoding="utf-8")
    result = run(
        "rank", "--db", str(tmp_path / "p.db"), "--weights", str(weights), "--out", str(tmp_path / "x.csv"), "-q"
    )
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"Error: --weights {weights}: ") and not (tmp_path / "x.csv").exists()


def test_weights_up_to_the_cap_are_taken(tmp_path):
    config = load_config(write(tmp_path, "[weights]\nactivity = 100\ncooperation = 0\n"))
    assert config.weights == {"activity": 100, "cooperation": 0}


@pytest.mark.parametrize("name", ['kunde "a"', "Kunde Ä & Co", "kunde 'a'"])
def test_cli_init_escapes_the_name_in_the_written_toml(tmp_path, name):
    result = blogscout("init", name, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    path = tmp_path / f"{name}.toml"
    assert result.stderr.rstrip().endswith(f"blogscout run --config {shlex.quote(path.name)}")
    assert tomllib.loads(path.read_text(encoding="utf-8"))["database"] == f"data/{name}.db"
    assert load_config(path).database == str(tmp_path / "data" / f"{name}.db")


@pytest.mark.parametrize("name", ["kunde\na", "kunde\ta", "kunde\x1b[31ma", "kunde\x85a", "a/b", ".versteckt"])
def test_cli_init_refuses_names_that_make_odd_file_names(tmp_path, name):
    result = blogscout("init", name, cwd=tmp_path)
    assert result.returncode == 1 and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("Error: ") and "plain project name" in result.stderr
    assert "\x1b" not in result.stderr and "\x85" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_write_starter_refuses_a_nul_in_the_name(tmp_path):
    with pytest.raises(InputError, match="plain project name"):
        write_starter("kunde\x00a", tmp_path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("text", ["", "a", 'a"b', "a\\b", "zeile\nzwei", "\x00\x1f\x7f", "ü €"])
def test_toml_string_loads_back(text):
    assert tomllib.loads(f"x = {toml_string(text)}")["x"] == text
