import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../../access/policy.decorator';
import { ObjectionReminderRule, ObjectionWindowRule } from './objection-rules.models';
import { OBJECTION_REMINDER, OBJECTION_WINDOWS } from './objection-window-rules';

/** The objection rules as the code applies them, for anyone. */
@Resolver()
export class ObjectionRulesResolver {
  @Public()
  @Query(() => [ObjectionWindowRule], {
    description: 'How long a served party has to object to a judgment, by track and category, each with its legal basis.',
  })
  objectionWindows(): readonly ObjectionWindowRule[] {
    return OBJECTION_WINDOWS;
  }

  @Public()
  @Query(() => ObjectionReminderRule, { description: 'When a served party is reminded that their objection window is closing.' })
  objectionReminder(): ObjectionReminderRule {
    return OBJECTION_REMINDER;
  }
}
