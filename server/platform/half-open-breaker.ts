/**
 * The circuit breaker of §8.2 of the specification, as a cockatiel policy (so it composes with
 * cockatiel's retry and timeout in `wrap`). cockatiel's own breaker lets a single test call
 * through when half-open and closes on its first success; the specification asks for up to
 * `halfOpenRequests` trial calls and `successThreshold` successes before it closes:
 *
 * - closed: runs every call; `failureThreshold` consecutive handled failures open it;
 * - open: refuses every call (BrokenCircuitError) for `openMs`, then turns half-open;
 * - half-open: admits at most `halfOpenRequests` trial calls, refuses the rest; one failed trial
 *   opens it again, `successThreshold` successful trials close it.
 *
 * An error the filter does not handle (an answer that is the caller's problem) shows that the
 * service answers, so it counts like a success. Calls admitted under an earlier state (a slow
 * call still running when the circuit opened) do not move the state when they finish.
 */
import { BrokenCircuitError, CircuitState, EventEmitter, type IDefaultPolicyContext, type IFailureEvent, type IPolicy, type ISuccessEvent } from "cockatiel";

export interface HalfOpenBreakerOptions {
  failureThreshold: number;
  successThreshold: number;
  halfOpenRequests: number;
  /** How long the circuit stays open before it turns half-open. */
  openMs: number;
  /** Whether an error counts as a failure of the service. */
  isFailure: (error: unknown) => boolean;
  /** Off: every call runs and the state stays closed (MCP_CIRCUIT_BREAKER_ENABLED=false). */
  enabled?: boolean;
  now?: () => number;
}

export class HalfOpenBreaker implements IPolicy {
  declare readonly _altReturn: never;
  readonly #stateEmitter = new EventEmitter<CircuitState>();
  readonly #successEmitter = new EventEmitter<ISuccessEvent>();
  readonly #failureEmitter = new EventEmitter<IFailureEvent>();
  readonly onStateChange = this.#stateEmitter.addListener;
  readonly onSuccess = this.#successEmitter.addListener;
  readonly onFailure = this.#failureEmitter.addListener;

  #state: CircuitState = CircuitState.Closed;
  /** Bumped on every transition: results of calls admitted before it are ignored. */
  #epoch = 0;
  #failures = 0;
  #openedAt = 0;
  #trials = 0;
  #successes = 0;

  constructor(private readonly options: HalfOpenBreakerOptions) {}

  get state(): CircuitState {
    return this.#state;
  }

  /** When the circuit last opened (ms since the epoch). */
  get openedAt(): number {
    return this.#openedAt;
  }

  async execute<T>(fn: (context: IDefaultPolicyContext) => PromiseLike<T> | T, signal: AbortSignal = new AbortController().signal): Promise<T> {
    if (this.options.enabled === false) return fn({ signal });
    this.#admit();
    const epoch = this.#epoch;
    const started = this.#now();
    try {
      const value = await fn({ signal });
      this.#succeeded(epoch);
      this.#successEmitter.emit({ duration: this.#now() - started });
      return value;
    } catch (error) {
      if (this.options.isFailure(error)) {
        this.#failed(epoch);
        this.#failureEmitter.emit({ duration: this.#now() - started, handled: true, reason: { error: error as Error } });
      } else {
        this.#succeeded(epoch);
      }
      throw error;
    }
  }

  /** Lets the call run or throws BrokenCircuitError. */
  #admit(): void {
    if (this.#state === CircuitState.Open) {
      if (this.#now() - this.#openedAt < this.options.openMs) throw new BrokenCircuitError();
      this.#transition(CircuitState.HalfOpen);
    }
    if (this.#state === CircuitState.HalfOpen) {
      if (this.#trials >= this.options.halfOpenRequests) throw new BrokenCircuitError();
      this.#trials++;
    }
  }

  #succeeded(epoch: number): void {
    if (epoch !== this.#epoch) return;
    if (this.#state === CircuitState.Closed) this.#failures = 0;
    else if (this.#state === CircuitState.HalfOpen && ++this.#successes >= this.options.successThreshold) this.#transition(CircuitState.Closed);
  }

  #failed(epoch: number): void {
    if (epoch !== this.#epoch) return;
    if (this.#state === CircuitState.HalfOpen) this.#transition(CircuitState.Open);
    else if (this.#state === CircuitState.Closed && ++this.#failures >= this.options.failureThreshold) this.#transition(CircuitState.Open);
  }

  #transition(state: CircuitState): void {
    this.#state = state;
    this.#epoch++;
    this.#failures = 0;
    this.#trials = 0;
    this.#successes = 0;
    if (state === CircuitState.Open) this.#openedAt = this.#now();
    this.#stateEmitter.emit(state);
  }

  #now(): number {
    return (this.options.now ?? Date.now)();
  }
}
