import { z } from 'zod';
import { toolResult } from '../../mcp/tool-result';
import { describeTaskState, taskOutput, taskOutputSchema } from '../task-output';
import { registerTeamTool, type TeamToolContext } from '../team-tool-context';

export function registerCreateTaskTool(context: TeamToolContext): void {
  registerTeamTool(
    context,
    'create_task',
    {
      title: 'Create a task for an agent',
      description: `Queue a task for one agent type (${context.agentTypes.join(', ')}). It is offered to those agents (poll_tasks) only when every task in "dependencies" completed; if one fails, this task fails too. Instant. Next: get_task_status with the returned task_id.`,
      inputSchema: {
        agent_type: z
          .string()
          .describe(`The agent type that should do it: ${context.agentTypes.join(', ')}.`),
        task_description: z
          .string()
          .min(1)
          .max(100_000)
          .describe('What the agent should do, in plain language.'),
        context: z
          .record(z.string(), z.unknown())
          .optional()
          .describe('Facts the agent needs (paths, stack, constraints).'),
        dependencies: z
          .array(z.string())
          .max(100)
          .optional()
          .describe('task_ids that must complete first.'),
      },
      outputSchema: { task: taskOutputSchema },
    },
    async (input) => {
      const task = await context.board.create(context.caller, input);
      const message = `Created ${task.task_id} for a ${task.agent_type} agent. ${describeTaskState(task)}`;
      return toolResult(message, { task: taskOutput(task), message });
    },
  );
}
