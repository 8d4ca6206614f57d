namespace Dvc.Engine.Persistence.Tasks;

public enum HumanTaskStatus
{
    Open,
    Claimed,
    Done,
}
