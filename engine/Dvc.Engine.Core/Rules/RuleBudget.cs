using System.Diagnostics;
using System.Globalization;

namespace Dvc.Engine.Core.Rules;

/// <summary>
/// What one evaluation of a procedure's rules may spend: steps over the submission's repeated fields, wall-clock time and
/// allocated bytes. Rule code cannot be interrupted, so the budget is charged where every loop of a rule has to pass: each
/// item read from a repeated field (<see cref="MeteredList{T}"/>). The sandbox refuses loops over anything else and the
/// operations that make large values in one call, so between two charges a rule does a bounded amount of work.
/// Once spent, every further charge fails at once, so the rest of the evaluation ends quickly.
/// Time and memory count from the first charge: RulesEngine compiles a workflow's expressions (again after its cache
/// evicted them) inside the same call, before any rule runs, and that is not the rules' doing.
/// </summary>
internal sealed class RuleBudget
{
    private readonly RulesOptions _options;
    private long _startTicks;
    private long _startBytes;
    private int _thread;
    private long _steps;

    public RuleBudget(RulesOptions options)
    {
        _options = options;
    }

    /// <summary>Why the budget ran out (null while it holds); the same text every later charge fails with.</summary>
    public string? Breach { get; private set; }

    public long Steps => _steps;

    /// <summary>Charges one step; throws <see cref="RuleBudgetExceededException"/> when a limit is passed.</summary>
    public void Step()
    {
        if (Breach is not null)
        {
            throw new RuleBudgetExceededException(Breach);
        }

        if (_steps == 0)
        {
            _startTicks = Stopwatch.GetTimestamp();
            _startBytes = GC.GetAllocatedBytesForCurrentThread();
            _thread = Environment.CurrentManagedThreadId;
        }

        if (++_steps > _options.MaxEvaluationSteps)
        {
            Fail($"more than {_options.MaxEvaluationSteps.ToString("N0", CultureInfo.InvariantCulture)} steps over repeated fields");
        }

        Check();
    }

    /// <summary>Checks time and memory without charging a step; also called once the evaluation has returned.</summary>
    public void Check()
    {
        if (Breach is not null)
        {
            throw new RuleBudgetExceededException(Breach);
        }

        if (_steps == 0)
        {
            return;
        }

        var elapsed = Stopwatch.GetElapsedTime(_startTicks);
        if (elapsed > _options.EvaluationTimeLimit)
        {
            Fail($"more than {_options.EvaluationTimeLimit.TotalMilliseconds.ToString("N0", CultureInfo.InvariantCulture)} ms");
        }

        // Allocations are counted per thread; RulesEngine evaluates synchronously on the caller's thread.
        if (Environment.CurrentManagedThreadId == _thread
            && GC.GetAllocatedBytesForCurrentThread() - _startBytes > _options.MaxEvaluationBytes)
        {
            Fail($"more than {_options.MaxEvaluationBytes / (1024 * 1024)} MB allocated");
        }
    }

    private void Fail(string reason)
    {
        Breach = "the rules used " + reason;
        throw new RuleBudgetExceededException(Breach);
    }
}
