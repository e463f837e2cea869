"""One project file per client: reading it, what each command takes from it, the starter file."""

from __future__ import annotations

import tomllib

import pytest
from conftest import blogscout
from projectdb import build_project_db

from crawler.services.config import ConfigError, defaults_for, load_config, starter_config, write_starter


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
    path = write_starter("kunde-a", tmp_path)
    assert load_config(path).topic and (tmp_path / "exports").is_dir()


def test_write_starter_never_replaces(tmp_path):
    path = write_starter("kunde-a", tmp_path)
    path.write_text("# meine Notizen\n", encoding="utf-8")
    with pytest.raises(Exception, match="exists already"):
        write_starter("kunde-a.toml", tmp_path)
    assert path.read_text(encoding="utf-8") == "# meine Notizen\n"


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
    assert blogscout("init", "kunde-a", cwd=tmp_path).returncode == 0
    again = blogscout("init", "kunde-a", cwd=tmp_path)
    assert again.returncode == 1 and again.stderr.startswith("Error: kunde-a.toml: exists already")
